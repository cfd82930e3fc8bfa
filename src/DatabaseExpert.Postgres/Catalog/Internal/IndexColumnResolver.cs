using DatabaseExpert.Postgres.Catalog.Internal.Queries;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>
/// Turns an index row's catalog arrays into <see cref="IndexInfo"/> columns: attnums to column names, operator class and
/// collation oids to names (only when not the default), sort options to DESC / NULLS FIRST.
/// </summary>
internal sealed class IndexColumnResolver
{
    private const short Descending = 1;
    private const short NullsFirst = 2;

    private readonly Dictionary<(long Relation, int AttNum), ColumnRow> _columns;
    private readonly Dictionary<long, string> _opclasses;
    private readonly Dictionary<long, string> _collations;

    public IndexColumnResolver(IReadOnlyList<ColumnRow> columns, IReadOnlyList<LookupRow> lookups)
    {
        _columns = columns.ToDictionary(c => (c.RelationOid, c.AttNum));
        _opclasses = lookups.Where(l => l.Kind == "o").ToDictionary(l => l.Oid, l => l.Name);
        _collations = lookups.Where(l => l.Kind == "c").ToDictionary(l => l.Oid, l => l.Name);
    }

    public ILookup<long, IndexInfo> Resolve(IReadOnlyList<IndexRow> rows) => rows.ToLookup(r => r.RelationOid, Index);

    private IndexInfo Index(IndexRow row) => new()
    {
        Name = row.Name,
        Method = row.Method,
        Columns = [.. row.Keys.Select((attnum, i) => Column(row, attnum, i))],
        Unique = row.IsUnique,
        Primary = row.IsPrimary,
        NullsNotDistinct = row.NullsNotDistinct,
        Predicate = row.Predicate,
        Constraint = row.ConstraintName,
        Valid = row.IsValid,
        Ready = row.IsReady,
        ParentIndex = row.ParentName is null ? null : new ObjectName(row.ParentSchema!, row.ParentName),
        Tablespace = row.Tablespace,
        Definition = row.Definition,
        Comment = row.Comment,
        Statistics = new IndexStatistics(
            row.SizeBytes, row.Scans, row.LastScan is { } scan ? new DateTimeOffset(DateTime.SpecifyKind(scan, DateTimeKind.Utc)) : null),
    };

    private IndexColumn Column(IndexRow row, short attnum, int i)
    {
        var column = attnum == 0 ? null : _columns.GetValueOrDefault((row.RelationOid, attnum));
        var key = i < row.KeyCount;
        var options = key ? row.Options.ElementAtOrDefault(i) : (short)0;
        var collation = key ? row.Collations.ElementAtOrDefault(i) : 0;
        return new IndexColumn
        {
            Column = column?.Name,
            Expression = attnum == 0 ? row.Elements?.ElementAtOrDefault(i) : null,
            Opclass = key ? _opclasses.GetValueOrDefault(row.Opclasses.ElementAtOrDefault(i)) : null,
            // An expression's own collation is not known here; pg_get_indexdef has it.
            Collation = column is not null && collation != 0 && collation != column.CollationOid ? _collations.GetValueOrDefault(collation) : null,
            Descending = (options & Descending) != 0,
            NullsFirst = (options & NullsFirst) != 0,
            Included = !key,
        };
    }
}
