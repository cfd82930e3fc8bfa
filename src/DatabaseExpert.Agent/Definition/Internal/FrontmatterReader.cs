using DatabaseExpert.Agent.Definition.Internal.Schema;
using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <param name="Split">The file split at its frontmatter.</param>
/// <param name="Root">The frontmatter as accepted by the schema (unknown, ignored and invalid keys left out).</param>
/// <param name="Keys">Every key written, accepted or not.</param>
internal sealed record FrontmatterDocument(Frontmatter Split, YamlMapping Root, IReadOnlyList<string> Keys);

/// <summary>Splits a markdown file at its frontmatter, parses the YAML with file line numbers and checks it against a schema.</summary>
internal static class FrontmatterReader
{
    public static FrontmatterDocument? Read(string text, string file, string fileKind, MapShape schema, DiagnosticBag diagnostics)
    {
        var split = Frontmatter.Split(text, file, diagnostics, fileKind);
        if (split is null)
        {
            return null;
        }

        var parsed = YamlTreeReader.Read(split.Yaml, file, split.YamlLineOffset, diagnostics);
        if (!parsed.Parsed)
        {
            return null;
        }

        var root = parsed.Root ?? new YamlMapping([], SourcePosition.Start);
        var context = new ShapeContext(diagnostics, file, DiagnosticSeverity.Warning, $"the {fileKind} frontmatter");
        return schema.Check(root, string.Empty, context) is YamlMapping checkedRoot
            ? new FrontmatterDocument(split, checkedRoot, root is YamlMapping all ? [.. all.Entries.Select(e => e.Key.Value)] : [])
            : null;
    }

    /// <summary>Reports a text value longer than <paramref name="max"/> characters.</summary>
    public static void CheckLength(YamlMapping root, string key, int max, string file, DiagnosticBag diagnostics)
    {
        if (root.Scalar(key) is { } value && value.Value.Length > max)
        {
            diagnostics.Error(DiagnosticCodes.ValueTooLong, file, value.Position,
                $"`{key}` is {value.Value.Length} characters long; the limit is {max}",
                $"shorten it to {max} characters or fewer");
        }
    }
}
