namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>
/// A markdown file split at its YAML frontmatter: the block between a first line <c>---</c> and the next <c>---</c>
/// line. Line numbers are the file's, so YAML positions can be shifted by <see cref="YamlLineOffset"/>.
/// </summary>
internal sealed record Frontmatter(string Yaml, int YamlLineOffset, string Body, int BodyStartLine)
{
    public const string Fence = "---";

    /// <summary>True when the text (after an optional BOM) opens with a <c>---</c> line.</summary>
    public static bool StartsWithFence(string text)
    {
        var lines = SplitLines(text);
        return lines.Length > 0 && lines[0].TrimEnd() == Fence;
    }

    /// <summary>Splits <paramref name="text"/>, reporting a missing or unterminated block against <paramref name="file"/>.</summary>
    public static Frontmatter? Split(string text, string file, DiagnosticBag diagnostics, string fileKind)
    {
        var lines = SplitLines(text);
        if (lines.Length == 0 || lines[0].TrimEnd() != Fence)
        {
            diagnostics.Error(DiagnosticCodes.MissingFrontmatter, file, SourcePosition.Start,
                $"the {fileKind} does not start with YAML frontmatter (a `---` line)",
                "begin the file with `---`, then `name: …` and `description: …` lines, then a closing `---` line");
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == Fence);
        if (close < 0)
        {
            diagnostics.Error(DiagnosticCodes.UnterminatedFrontmatter, file, SourcePosition.Start,
                "the frontmatter opened on line 1 is never closed",
                "add a `---` line after the last frontmatter key, before the markdown body");
            return null;
        }

        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        return new Frontmatter(yaml, YamlLineOffset: 1, body, BodyStartLine: close + 2);
    }

    private static string[] SplitLines(string text)
    {
        var content = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        return content.ReplaceLineEndings("\n").Split('\n');
    }
}
