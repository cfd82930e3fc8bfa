namespace DatabaseExpert.Postgres.Advisor.Internal.Candidates;

/// <summary>A key column with its sort order; PostgreSQL's default is ASC NULLS LAST, and DESC implies NULLS FIRST.</summary>
internal sealed record IndexKeyColumn(string Column, bool Descending = false, bool NullsFirst = false)
{
    /// <summary>The same column scanned backwards: an index serves an ORDER BY and its exact reverse alike.</summary>
    public IndexKeyColumn Reversed => this with { Descending = !Descending, NullsFirst = !NullsFirst };

    /// <summary>The order words to print after the column name, or empty for the default.</summary>
    public string OrderSql => (Descending, NullsFirst) switch
    {
        (false, false) => string.Empty,
        (true, true) => " DESC",
        (false, true) => " NULLS FIRST",
        (true, false) => " DESC NULLS LAST",
    };
}
