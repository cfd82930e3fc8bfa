using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>A read persona: the public document and its checked frontmatter tree (for positions).</summary>
internal sealed record PersonaSource(PersonaDocument Document, YamlMapping Frontmatter)
{
    public string File => Document.Path;

    public string Directory => Path.GetDirectoryName(Document.Path) ?? string.Empty;
}
