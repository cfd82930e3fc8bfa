using DatabaseExpert.Postgres.Advisor.Internal.Plans;

namespace DatabaseExpert.Postgres.Advisor.Internal.Statistics;

/// <summary>An index that exists on a workload table.</summary>
/// <param name="Table">The indexed table.</param>
/// <param name="Name">The index name.</param>
/// <param name="Method">Access method (<c>btree</c>, <c>gin</c>, …).</param>
/// <param name="KeyColumns">Key columns in order with their direction; an expression key has an empty name.</param>
/// <param name="IncludeColumns">INCLUDE columns.</param>
/// <param name="Predicate">The WHERE of a partial index as <c>pg_get_expr</c> prints it, else null.</param>
/// <param name="Usable">Valid and ready (an index left by a failed CREATE INDEX CONCURRENTLY is not).</param>
internal sealed record ExistingIndex(
    RelationRef Table,
    string Name,
    string Method,
    IReadOnlyList<(string Column, bool Descending, bool NullsFirst)> KeyColumns,
    IReadOnlyList<string> IncludeColumns,
    string? Predicate,
    bool Usable);
