namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>Escaping for text placed in GitHub-flavoured markdown.</summary>
internal static class MarkdownText
{
    /// <summary>Prose: HTML-significant characters escaped (a message naming <c>&lt;id&gt;</c> must not become a tag).</summary>
    public static string Inline(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A table cell: also no pipes and no line breaks.</summary>
    public static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>A code span that survives backticks inside it.</summary>
    public static string Code(string text)
    {
        var fence = new string('`', LongestRun(text, '`') + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{text}{pad}{fence}";
    }

    /// <summary>A fenced block whose fence is longer than any backtick run inside.</summary>
    public static string Block(string language, string text)
    {
        var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
        return $"{fence}{language}\n{text.ReplaceLineEndings("\n").TrimEnd('\n')}\n{fence}\n";
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
