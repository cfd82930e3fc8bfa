namespace DatabaseExpert.Postgres.Sql;

/// <summary>SQL text and, when it came from one, the file it was read from (used in positions and messages).</summary>
public sealed class SqlSource(string text, string? file = null)
{
    public string Text { get; } = text ?? throw new ArgumentNullException(nameof(text));

    public string? File { get; } = file;

    /// <summary>The position of a character offset, counting <c>\n</c>, <c>\r\n</c> and a lone <c>\r</c> as one line break each.</summary>
    public SqlPosition PositionOf(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Text.Length);
        return Internal.LineCounter.Advance(Text, SqlPosition.Start, offset);
    }

    public override string ToString() => File ?? "<sql>";
}
