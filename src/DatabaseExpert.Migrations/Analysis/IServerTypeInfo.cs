namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// What the database knows that the migration text does not say: the current type of a column, whether a cast is
/// binary-coercible (pg_cast.castmethod = 'b'), how volatile a function is. Every answer may be null (unknown); rules
/// then fall back to what the migration history shows, and say when they had to assume.
/// </summary>
public interface IServerTypeInfo
{
    /// <summary>A short description for messages: "PostgreSQL 15 catalog of shop", "built-in knowledge".</summary>
    string Source { get; }

    /// <summary>The column's type before the migration runs, or null when the column or table is unknown.</summary>
    SqlType? ColumnType(ObjectName table, string column);

    /// <summary>True when values of <paramref name="sourceType"/> can be relabelled as <paramref name="targetType"/> without a conversion (type names only, modifiers ignored).</summary>
    bool? IsBinaryCoercible(string sourceType, string targetType);

    /// <summary>The volatility of a function by name (the most volatile overload), or null when unknown.</summary>
    Volatility? FunctionVolatility(string? schema, string name);
}
