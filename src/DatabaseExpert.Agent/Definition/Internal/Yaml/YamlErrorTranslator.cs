using YamlDotNet.Core;

namespace DatabaseExpert.Agent.Definition.Internal.Yaml;

/// <summary>Turns YamlDotNet's parser messages into a position, a plain-words message and a fix.</summary>
internal static class YamlErrorTranslator
{
    public static (SourcePosition At, string Message, string Help) Translate(YamlException exception, string text, int lineOffset)
    {
        var original = exception.Message.TrimEnd('.');
        var start = new SourcePosition((int)exception.Start.Line, (int)exception.Start.Column);
        var end = new SourcePosition((int)exception.End.Line, (int)exception.End.Column);

        if (original.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var tab = FindIndentationTab(text, start.Line) ?? start;
            return (Shift(tab, lineOffset), "a tab is used for indentation; YAML indents with spaces only",
                "replace the tab with spaces (2 per level is usual)");
        }

        if (original.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
        {
            return (Shift(start, lineOffset), $"the quoted value that starts here is never closed ({original})",
                "add the closing quote on the same line");
        }

        if (original.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase)
            || original.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            return (Shift(start, lineOffset), $"a value contains `: ` where YAML expects the end of the value ({original})",
                "put the value in quotes, for example key: \"a: b\"");
        }

        if (original.Contains("did not find expected ',' or", StringComparison.OrdinalIgnoreCase))
        {
            return (Shift(start, lineOffset), $"a `[` list or `{{` mapping is not closed before this point ({original})",
                "close it with `]` or `}` on the line where it belongs, or separate its items with commas");
        }

        if (original.Contains("did not find expected '-' indicator", StringComparison.OrdinalIgnoreCase))
        {
            return (Shift(start, lineOffset), $"a list item is expected here but this line is not one ({original})",
                "start list items with `- ` at the same indentation, and do not mix list items and keys at one level");
        }

        if (original.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase))
        {
            return (Shift(end, lineOffset), $"this line does not fit the indentation around it ({original})",
                "align keys of the same mapping at the same column, and write each line as `key: value`");
        }

        return (Shift(start, lineOffset), $"invalid YAML: {original}", "fix the YAML syntax at this position");
    }

    /// <summary>The first tab in the indentation of a line at or below <paramref name="fromLine"/> (1-based).</summary>
    private static SourcePosition? FindIndentationTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var index = Math.Max(0, fromLine - 1); index < lines.Length; index++)
        {
            var line = lines[index];
            for (var column = 0; column < line.Length && char.IsWhiteSpace(line[column]); column++)
            {
                if (line[column] == '\t')
                {
                    return new SourcePosition(index + 1, column + 1);
                }
            }
        }

        return null;
    }

    private static SourcePosition Shift(SourcePosition position, int lineOffset) => position with { Line = position.Line + lineOffset };
}
