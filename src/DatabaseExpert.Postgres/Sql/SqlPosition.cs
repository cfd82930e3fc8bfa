using System.Globalization;

namespace DatabaseExpert.Postgres.Sql;

/// <summary>A place in SQL text: 1-based line and column (in UTF-16 code units), and the 0-based character offset.</summary>
public readonly record struct SqlPosition(int Line, int Column, int Offset)
{
    public static SqlPosition Start { get; } = new(1, 1, 0);

    /// <summary><c>line:column</c>, the way editors and compilers print it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Line}:{Column}");
}
