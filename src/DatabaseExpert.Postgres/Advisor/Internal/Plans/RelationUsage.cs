namespace DatabaseExpert.Postgres.Advisor.Internal.Plans;

internal enum EqualityKind
{
    /// <summary><c>col = value</c> or <c>col = ANY (…)</c>.</summary>
    Value,
    IsNull,
    IsTrue,
    IsFalse,
}

/// <param name="Kind">How the column is pinned.</param>
/// <param name="Literal">For <c>col = 'literal'</c>: the literal as SQL text without its cast; null for parameters and expressions.</param>
internal sealed record EqualityUse(EqualityKind Kind, string? Literal);

/// <summary>One ORDER BY column as the plan's Sort Key gives it.</summary>
internal sealed record SortColumn(string Column, bool Descending, bool NullsFirst);

/// <summary>How one query uses the columns of one table, read from its plan.</summary>
internal sealed class RelationUsage(RelationRef relation)
{
    public RelationRef Relation { get; } = relation;

    /// <summary>Columns compared for equality with a value (<c>=</c>, <c>IN</c>, <c>IS NULL</c>, boolean tests).</summary>
    public SortedDictionary<string, EqualityUse> Equality { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns compared with <c>&lt; &lt;= &gt; &gt;=</c>.</summary>
    public SortedSet<string> Range { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns equated with a column of another table (join keys).</summary>
    public SortedSet<string> Join { get; } = new(StringComparer.Ordinal);

    /// <summary>Columns tested with <c>IS NOT NULL</c>.</summary>
    public SortedSet<string> NotNull { get; } = new(StringComparer.Ordinal);

    /// <summary>The ORDER BY of this table's rows, when a Sort node orders by its columns only.</summary>
    public IReadOnlyList<SortColumn>? Sort { get; set; }

    /// <summary>The GROUP BY columns, when an aggregate groups by this table's columns only.</summary>
    public IReadOnlyList<string>? Group { get; set; }

    /// <summary>Every column the query reads from the table (for covering indexes).</summary>
    public SortedSet<string> Referenced { get; } = new(StringComparer.Ordinal);
}
