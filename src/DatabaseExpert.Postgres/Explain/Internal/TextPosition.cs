using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>Positions the way people look for them in their editor: <c>line 3, column 7</c>.</summary>
internal static class TextPosition
{
    public static string Describe(SqlPosition position) => $"line {position.Line}, column {position.Column}";

    /// <summary>The position of a character offset in <paramref name="text"/>, clamped to the text.</summary>
    public static string Describe(string text, int offset) => Describe(new SqlSource(text).PositionOf(Math.Clamp(offset, 0, text.Length)));
}
