using System.Collections;
using DatabaseExpert.Agent.Definition.Internal;
using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition;

/// <summary>
/// Loads an agent from an agent.yaml, or from a Claude Code sub-agent file alone (any extension, recognised by its
/// <c>---</c> frontmatter). Never throws for bad input: every problem is a <see cref="Diagnostic"/> in the result.
/// </summary>
public static class AgentDefinitionLoader
{
    public const string DefaultFileName = "agent.yaml";

    /// <param name="agentPath">agent.yaml, a folder holding one, or a persona file; null to look for agent.yaml from
    /// <paramref name="workingDirectory"/> up to the git root.</param>
    /// <param name="workingDirectory">Base for relative paths and for the <c>skills/</c> and <c>.claude/skills/</c> fallbacks.</param>
    /// <param name="environment">Values for <c>${VAR}</c> in agent.yaml; a null value counts as unset.</param>
    /// <param name="bundledAgent">The agent.yaml shipped with dbx, used when none is given or found (null: none).</param>
    public static AgentLoadResult Load(
        string? agentPath, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string? bundledAgent = null)
    {
        var diagnostics = new DiagnosticBag();
        var directory = Path.GetFullPath(workingDirectory);
        var path = agentPath is null ? AgentFileLocator.Find(directory, diagnostics, bundledAgent) : ResolveGiven(agentPath, directory, diagnostics);
        var text = path is null ? null : SourceText.TryRead(path, diagnostics);
        if (path is null || text is null)
        {
            return new AgentLoadResult(null, diagnostics.Sorted());
        }

        var assembler = new AgentAssembler(diagnostics, directory);
        var definition = IsPersona(path, text)
            ? assembler.Assemble(null, null, PersonaReader.Read(path, text, diagnostics))
            : LoadAgentFile(path, text, environment, assembler, diagnostics);
        return new AgentLoadResult(diagnostics.HasErrors ? null : definition, diagnostics.Sorted());
    }

    /// <summary>The current process environment, in the shape <see cref="Load"/> takes.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);

    private static AgentDefinition? LoadAgentFile(
        string path, string text, IReadOnlyDictionary<string, string?> environment, AgentAssembler assembler, DiagnosticBag diagnostics)
    {
        var parsed = YamlTreeReader.Read(text, path, lineOffset: 0, diagnostics);
        if (!parsed.Parsed)
        {
            return null;
        }

        var expanded = new EnvironmentExpander(environment, path, diagnostics).Expand(parsed.Root) ?? new YamlMapping([], SourcePosition.Start);
        var context = new Internal.Schema.ShapeContext(diagnostics, path, DiagnosticSeverity.Error, Path.GetFileName(path));
        if (AgentYamlSchema.Root.Check(expanded, string.Empty, context) is not YamlMapping root)
        {
            return null;
        }

        var agentFile = new AgentFileSource(path, root);
        var personaReference = root.Scalar("persona");
        var persona = personaReference is null ? null : ReadPersona(agentFile, personaReference, diagnostics);
        return assembler.Assemble(agentFile, personaReference, persona);
    }

    private static PersonaSource? ReadPersona(AgentFileSource agentFile, YamlScalar reference, DiagnosticBag diagnostics)
    {
        var path = Path.GetFullPath(Path.Combine(agentFile.Directory, reference.Value.Trim()));
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, agentFile.File, reference.Position,
                $"persona file not found: {path}",
                $"create it, or fix `persona:` (relative paths start at {agentFile.Directory})");
            return null;
        }

        return SourceText.TryRead(path, diagnostics) is { } text ? PersonaReader.Read(path, text, diagnostics) : null;
    }

    private static string? ResolveGiven(string agentPath, string workingDirectory, DiagnosticBag diagnostics)
    {
        var path = Path.GetFullPath(Path.Combine(workingDirectory, agentPath));
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, DefaultFileName);
        }

        if (File.Exists(path))
        {
            return path;
        }

        diagnostics.Error(DiagnosticCodes.AgentNotFound, path, SourcePosition.Unknown,
            $"agent definition not found: {path}",
            $"pass an existing agent.yaml, a folder holding one, or a Claude Code sub-agent .md file to --agent");
        return null;
    }

    /// <summary>.md files are personas, .yaml/.yml files agent definitions; anything else is a persona when it opens with <c>---</c>.</summary>
    private static bool IsPersona(string path, string text)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            || Frontmatter.StartsWithFence(text);
    }
}
