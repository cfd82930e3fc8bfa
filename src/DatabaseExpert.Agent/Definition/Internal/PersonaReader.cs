namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Reads a Claude Code sub-agent file (any extension) into a <see cref="PersonaSource"/>.</summary>
internal static class PersonaReader
{
    public static PersonaSource? Read(string path, string text, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        if (FrontmatterReader.Read(text, path, "persona file", PersonaSchema.Frontmatter, diagnostics) is not { } document)
        {
            return null;
        }

        var (split, root) = (document.Split, document.Root);
        FrontmatterReader.CheckLength(root, "description", PersonaSchema.MaxDescriptionLength, path, diagnostics);
        if (split.Body.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.EmptyBody, path, new SourcePosition(split.BodyStartLine, 1),
                "the persona has no body; the markdown after the frontmatter is the agent's system prompt",
                "write the agent's instructions below the closing `---`");
        }

        if (diagnostics.ErrorCount > errorsBefore || root.Scalar("name") is not { } name || root.Scalar("description") is not { } description)
        {
            return null;
        }

        var frontmatter = new PersonaFrontmatter(
            name.Value,
            description.Value,
            root.Scalar("model")?.Value,
            Values(root, "tools"),
            Values(root, "disallowedTools"),
            Values(root, "skills"),
            root.Scalar("permissionMode")?.Value,
            root.Scalar("maxTurns") is { } maxTurns ? Schema.IntShape.Value(maxTurns) : null,
            document.Keys);
        return new PersonaSource(new PersonaDocument(path, split.Body, split.BodyStartLine, frontmatter), root);
    }

    private static string[]? Values(Yaml.YamlMapping root, string key) => root.Scalars(key)?.Select(s => s.Value).ToArray();
}
