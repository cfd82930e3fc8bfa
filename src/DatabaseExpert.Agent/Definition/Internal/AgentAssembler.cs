using DatabaseExpert.Agent.Definition.Internal.Schema;
using DatabaseExpert.Agent.Definition.Internal.Yaml;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Skills;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>
/// Merges agent.yaml (optional) over a persona's frontmatter into an <see cref="AgentDefinition"/>, recording where
/// each value came from. Every setting is resolved even after an error, so one run reports every problem.
/// </summary>
internal sealed class AgentAssembler(DiagnosticBag diagnostics, string workingDirectory)
{
    private const string SkillsTool = "Skills";

    private readonly Dictionary<string, ValueOrigin> _provenance = new(StringComparer.Ordinal);

    public AgentDefinition? Assemble(AgentFileSource? agentFile, YamlScalar? personaReference, PersonaSource? persona)
    {
        var mcpServers = agentFile is null ? [] : McpServerBinder.Bind(agentFile, diagnostics);
        var serverNames = mcpServers.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var name = Choose<YamlScalar>(SettingKeys.Name, agentFile, agentFile?.Root.Get("name"), persona, persona?.Frontmatter.Get("name"));
        var description = Choose<YamlScalar>(
            SettingKeys.Description, agentFile, agentFile?.Root.Get("description"), persona, persona?.Frontmatter.Get("description"));
        var model = ResolveModel(agentFile, persona);
        var skills = ResolveSkills(agentFile, persona);
        var tools = ResolveTools(agentFile, persona, serverNames, skills.Count > 0);
        var maxToolRounds = ResolveMaxToolRounds(agentFile, persona);
        var permissions = ResolvePermissions(agentFile, persona);
        var databases = DatabaseBinder.Bind(agentFile?.Root.Mapping("databases"));
        Record(SettingKeys.Databases, agentFile, agentFile?.Root.Get("databases"));
        Record(SettingKeys.McpServers, agentFile, agentFile?.Root.Get("mcpServers"));

        if (persona is null || name is null || description is null || diagnostics.HasErrors)
        {
            return null;
        }

        _provenance[SettingKeys.Persona] = personaReference is not null && agentFile is not null
            ? Origin(ValueOriginKind.AgentFile, agentFile.File, personaReference.Position)
            : new ValueOrigin(ValueOriginKind.Persona, persona.File, Note: "loaded directly");
        _provenance[SettingKeys.SystemPrompt] = new ValueOrigin(ValueOriginKind.Persona, persona.File, persona.Document.BodyStartLine, 1,
            "persona body");

        return new AgentDefinition
        {
            Name = name.Node.Value.Trim(),
            Description = description.Node.Value.Trim(),
            SourceFile = agentFile?.File ?? persona.File,
            Persona = persona.Document,
            Model = model,
            Tools = tools,
            Skills = skills,
            MaxToolRounds = maxToolRounds,
            Permissions = permissions,
            Databases = databases,
            McpServers = mcpServers,
            Provenance = _provenance,
        };
    }

    private string? ResolveModel(AgentFileSource? agentFile, PersonaSource? persona)
    {
        var chosen = Choose<YamlScalar>(SettingKeys.Model, agentFile, agentFile?.Root.Get("model"), persona, persona?.Frontmatter.Get("model"));
        if (chosen is null)
        {
            return null;
        }

        var model = ModelNames.Check(chosen.Node, chosen.File, diagnostics);
        if (chosen.Node.Value.Trim().Equals(ModelNames.Inherit, StringComparison.OrdinalIgnoreCase))
        {
            _provenance[SettingKeys.Model] = _provenance[SettingKeys.Model] with { Note = "inherit: no preference" };
        }

        return model;
    }

    private List<Skill> ResolveSkills(AgentFileSource? agentFile, PersonaSource? persona)
    {
        var chosen = Choose<YamlSequence>(
            SettingKeys.Skills, agentFile, agentFile?.Root.Get("skills"), persona, persona?.Frontmatter.Get("skills"));
        if (chosen is null)
        {
            return [];
        }

        // A skill agent.yaml names is part of this project: missing is an error. A persona file travels between
        // projects (the skills it names may live elsewhere), so there it is a warning and the agent runs without it.
        var roots = new List<string>();
        if (agentFile is not null)
        {
            roots.Add(Path.Combine(agentFile.Directory, "skills"));
            roots.Add(Path.Combine(agentFile.Directory, ".claude", "skills"));
        }

        if (!chosen.FromAgentFile && persona is not null)
        {
            roots.Add(Path.Combine(persona.Directory, "skills"));
            if (Path.GetDirectoryName(persona.Directory) is { } parent)
            {
                roots.Add(Path.Combine(parent, "skills"));
            }
        }

        roots.Add(Path.Combine(workingDirectory, "skills"));
        roots.Add(Path.Combine(workingDirectory, ".claude", "skills"));
        return SkillResolver.Resolve(
            chosen.Node.Items.OfType<YamlScalar>(),
            chosen.File,
            Path.GetDirectoryName(chosen.File) ?? workingDirectory,
            roots.Distinct(StringComparer.Ordinal).ToList(),
            chosen.FromAgentFile ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            diagnostics);
    }

    private List<string> ResolveTools(AgentFileSource? agentFile, PersonaSource? persona, IReadOnlySet<string> serverNames, bool hasSkills)
    {
        var chosen = Choose<YamlSequence>(SettingKeys.Tools, agentFile, agentFile?.Root.Get("tools"), persona, persona?.Frontmatter.Get("tools"));
        var tools = chosen is null
            ? [.. KnownTools.Dbx]
            : ToolResolver.Resolve(chosen.Node.Items.OfType<YamlScalar>(), chosen.File, serverNames, diagnostics);

        var denied = new List<string>();
        if (persona?.Frontmatter.Sequence("disallowedTools") is { } disallowed)
        {
            Record(SettingKeys.DisallowedTools, persona, disallowed);
            denied = ToolResolver.Resolve(disallowed.Items.OfType<YamlScalar>(), persona.File, serverNames, diagnostics);
            tools.RemoveAll(t => denied.Contains(t, StringComparer.Ordinal));
        }

        // Skills are useless without the tools that activate them, so naming skills grants those tools.
        if (hasSkills && !tools.Contains(SkillsTool, StringComparer.Ordinal) && !denied.Contains(SkillsTool, StringComparer.Ordinal))
        {
            tools.Add(SkillsTool);
            _provenance[SettingKeys.Tools] = _provenance[SettingKeys.Tools] with { Note = "Skills added because skills are configured" };
        }

        return tools;
    }

    private int ResolveMaxToolRounds(AgentFileSource? agentFile, PersonaSource? persona)
    {
        var chosen = Choose<YamlScalar>(
            SettingKeys.MaxToolRounds, agentFile, agentFile?.Root.Get("maxToolRounds"), persona, persona?.Frontmatter.Get("maxTurns"));
        return chosen is null ? AgentDefinition.DefaultMaxToolRounds : IntShape.Value(chosen.Node);
    }

    private PermissionSettings ResolvePermissions(AgentFileSource? agentFile, PersonaSource? persona)
    {
        var permissions = agentFile?.Root.Mapping("permissions");
        var chosen = Choose<YamlScalar>(SettingKeys.PermissionMode, agentFile, permissions?.Get("mode"), persona, persona?.Frontmatter.Get("permissionMode"));
        var mode = PermissionMode.Ask;
        if (chosen is { FromAgentFile: true })
        {
            mode = PermissionModeNames.FromAgentFile(chosen.Node.Value);
        }
        else if (chosen is not null && PermissionModeNames.FromPersona(chosen.Node.Value) is { } personaMode)
        {
            mode = personaMode;
        }
        else if (chosen is not null)
        {
            diagnostics.Warning(DiagnosticCodes.IgnoredValue, chosen.File, chosen.Node.Position,
                $"permissionMode `{chosen.Node.Value}` is not taken from a persona file; dbx asks before changes",
                "set `permissions.mode` in agent.yaml or pass --permission-mode to choose another mode");
            _provenance[SettingKeys.PermissionMode] = ValueOrigin.Default;
        }

        var bash = permissions?.Mapping("bash");
        Record(SettingKeys.BashRules, agentFile, bash);
        return new PermissionSettings(
            mode,
            bash?.Scalars("allow")?.Select(s => s.Value).ToList() ?? [],
            bash?.Scalars("deny")?.Select(s => s.Value).ToList() ?? []);
    }

    /// <summary>The agent.yaml value when set, else the persona's; records the origin either way.</summary>
    private Chosen<T>? Choose<T>(string settingKey, AgentFileSource? agentFile, YamlNode? agentValue, PersonaSource? persona, YamlNode? personaValue)
        where T : YamlNode
    {
        if (agentFile is not null && agentValue is T fromAgentFile)
        {
            _provenance[settingKey] = Origin(ValueOriginKind.AgentFile, agentFile.File, fromAgentFile.Position);
            return new Chosen<T>(fromAgentFile, agentFile.File, FromAgentFile: true);
        }

        if (persona is not null && personaValue is T fromPersona)
        {
            _provenance[settingKey] = Origin(ValueOriginKind.Persona, persona.File, fromPersona.Position);
            return new Chosen<T>(fromPersona, persona.File, FromAgentFile: false);
        }

        _provenance[settingKey] = ValueOrigin.Default;
        return null;
    }

    private void Record(string settingKey, AgentFileSource? agentFile, YamlNode? value) =>
        _provenance[settingKey] = agentFile is not null && value is not null
            ? Origin(ValueOriginKind.AgentFile, agentFile.File, value.Position)
            : ValueOrigin.Default;

    private void Record(string settingKey, PersonaSource persona, YamlNode value) =>
        _provenance[settingKey] = Origin(ValueOriginKind.Persona, persona.File, value.Position);

    private static ValueOrigin Origin(ValueOriginKind kind, string file, SourcePosition position) =>
        new(kind, file, position.Line, position.Column);

    private sealed record Chosen<T>(T Node, string File, bool FromAgentFile)
        where T : YamlNode;
}
