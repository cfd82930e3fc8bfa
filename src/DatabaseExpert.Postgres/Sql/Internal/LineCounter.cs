namespace DatabaseExpert.Postgres.Sql.Internal;

/// <summary>Line and column arithmetic shared by the lexer and positions: <c>\n</c>, <c>\r\n</c> and a lone <c>\r</c> each end a line.</summary>
internal static class LineCounter
{
    /// <summary>The position of <paramref name="offset"/>, counting from a known position before it.</summary>
    public static SqlPosition Advance(string text, SqlPosition from, int offset)
    {
        var line = from.Line;
        var lineStart = from.Offset - from.Column + 1;
        Count(text, from.Offset, offset, ref line, ref lineStart);
        return new SqlPosition(line, offset - lineStart + 1, offset);
    }

    /// <summary>Moves <paramref name="line"/> and <paramref name="lineStart"/> over the breaks in <c>text[start..end)</c>.</summary>
    public static void Count(string text, int start, int end, ref int line, ref int lineStart)
    {
        var position = start;
        while (position < end)
        {
            var found = text.AsSpan(position, end - position).IndexOfAny('\n', '\r');
            if (found < 0)
            {
                return;
            }

            position += found;
            if (text[position] == '\r' && position + 1 < end && text[position + 1] == '\n')
            {
                position++;
            }

            position++;
            line++;
            lineStart = position;
        }
    }
}
