namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>Turns a character offset into the 1-based <c>line:column</c> people look for in their editor.</summary>
internal static class TextPosition
{
    public static string Describe(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return $"line {line}, column {offset - lineStart + 1}";
    }
}
