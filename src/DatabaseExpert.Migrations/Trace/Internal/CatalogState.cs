using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>
/// A pg_class row. Name: schema-qualified unless in <c>public</c>, each part quoted where SQL needs it. RowEstimate:
/// pg_class.reltuples (-1 = never analysed).
/// </summary>
internal sealed record RelationState(uint Oid, string Name, RelationKind Kind, uint FileNode, double RowEstimate);

/// <summary>A pg_attribute row (name quoted where SQL needs it) with its default expression.</summary>
internal sealed record ColumnState(uint TableOid, short Number, string Name, string Type, bool NotNull, string? Default);

/// <summary>A pg_constraint row.</summary>
internal sealed record ConstraintState(
    uint Oid, uint TableOid, string Name, ConstraintKind Kind, bool Validated, uint ReferencedTableOid, uint IndexOid, short[] Columns, string Definition);

/// <summary>A pg_index row. Keys = pg_index.indkey: table column numbers, 0 for an expression.</summary>
internal sealed record IndexState(uint Oid, uint TableOid, bool Valid, bool Ready, bool Unique, short[] Keys, bool Partial, string Definition);

/// <summary>A relation lock this backend holds.</summary>
internal readonly record struct HeldLock(uint Oid, LockMode Mode);

/// <summary>
/// What this backend can see of the user's relations at one moment, plus its own locks and timeouts. Immutable:
/// <see cref="Refresh"/> returns a new state.
/// </summary>
internal sealed record CatalogState(
    IReadOnlyDictionary<uint, RelationState> Relations,
    IReadOnlyDictionary<(uint Table, short Number), ColumnState> Columns,
    IReadOnlyDictionary<uint, ConstraintState> Constraints,
    IReadOnlyDictionary<uint, IndexState> Indexes,
    IReadOnlySet<HeldLock> Locks,
    string LockTimeout,
    string StatementTimeout)
{
    /// <summary>The same catalog after the transaction ended: no locks held.</summary>
    public CatalogState WithoutLocks() => this with { Locks = new HashSet<HeldLock>() };

    /// <summary>
    /// This state with everything about <paramref name="refreshed"/> relations (and their columns, constraints and indexes)
    /// replaced by <paramref name="partial"/>. Relations this backend did not lock cannot have been changed by it.
    /// </summary>
    public CatalogState Refresh(CatalogState partial, IReadOnlySet<uint> refreshed)
    {
        bool Touched(uint oid) => refreshed.Contains(oid);

        // An index goes with its table: dropping a table drops its indexes without locking them separately.
        var staleIndexes = Indexes.Values.Where(i => Touched(i.TableOid) || Touched(i.Oid)).Select(i => i.Oid).ToHashSet();
        var relations = Merge(Relations.Where(r => !Touched(r.Key) && !staleIndexes.Contains(r.Key)), partial.Relations);
        var columns = Merge(Columns.Where(c => !Touched(c.Key.Table)), partial.Columns);
        var constraints = Merge(Constraints.Where(c => !Touched(c.Value.TableOid)), partial.Constraints);
        var indexes = Merge(Indexes.Where(i => !staleIndexes.Contains(i.Key)), partial.Indexes);
        return new CatalogState(relations, columns, constraints, indexes, partial.Locks, partial.LockTimeout, partial.StatementTimeout);
    }

    public string NameOf(uint oid) => Relations.TryGetValue(oid, out var relation) ? relation.Name : $"relation {oid}";

    public string ColumnName(uint table, short number) =>
        Columns.TryGetValue((table, number), out var column) ? column.Name : $"column {number}";

    private static Dictionary<TKey, TValue> Merge<TKey, TValue>(
        IEnumerable<KeyValuePair<TKey, TValue>> kept, IReadOnlyDictionary<TKey, TValue> fresh)
        where TKey : notnull
    {
        var merged = new Dictionary<TKey, TValue>(kept);
        foreach (var (key, value) in fresh)
        {
            merged[key] = value;
        }

        return merged;
    }
}
