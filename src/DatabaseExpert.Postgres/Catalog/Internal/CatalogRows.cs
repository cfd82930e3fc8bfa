using DatabaseExpert.Postgres.Catalog.Internal.Queries;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>The raw result of the catalog queries, one list per query.</summary>
internal sealed record CatalogRows(
    IReadOnlyList<SchemaRow> Schemas,
    IReadOnlyList<ExtensionRow> Extensions,
    IReadOnlyList<TypeRow> Types,
    IReadOnlyList<TableRow> Tables,
    IReadOnlyList<ColumnRow> Columns,
    IReadOnlyList<ConstraintRow> Constraints,
    IReadOnlyList<IndexRow> Indexes,
    IReadOnlyList<ViewRow> Views,
    IReadOnlyList<SequenceRow> Sequences,
    IReadOnlyList<TriggerRow> Triggers,
    IReadOnlyList<FunctionRow> Functions,
    IReadOnlyList<LookupRow> Lookups,
    int QueryCount);
