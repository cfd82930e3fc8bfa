using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>Turns the catalog states around a statement into what <see cref="StatementTrace"/> reports.</summary>
internal static class StatementDiff
{
    public static StatementTrace Describe(StatementTrace trace, CatalogState before, CatalogState after, IReadOnlySet<uint> preexisting, IReadOnlySet<HeldLock> fileLocks)
    {
        var locks = after.Locks
            .Where(l => !before.Locks.Contains(l))
            .Select(l => (Lock: l, Relation: after.Relations.GetValueOrDefault(l.Oid) ?? before.Relations.GetValueOrDefault(l.Oid)))
            .Where(x => x.Relation is not null)
            .OrderBy(x => x.Relation!.Name, StringComparer.Ordinal)
            .ThenByDescending(x => x.Lock.Mode)
            .Select(x => new LockTaken(x.Relation!.Name, x.Lock.Mode, x.Relation.Kind, preexisting.Contains(x.Lock.Oid)))
            .ToList();

        var rewrites = before.Relations.Values
            .Where(r => r.FileNode != 0 && after.Relations.TryGetValue(r.Oid, out var now) && now.FileNode != 0 && now.FileNode != r.FileNode)
            .Select(r => new Rewrite(r.Name, r.Kind, r.FileNode, after.Relations[r.Oid].FileNode))
            .ToList();

        var held = before.Locks
            .Where(l => l.Mode == LockMode.AccessExclusive && preexisting.Contains(l.Oid) && !fileLocks.Contains(l))
            .Select(l => before.NameOf(l.Oid))
            .Order(StringComparer.Ordinal)
            .ToList();

        return trace with
        {
            Locks = locks,
            Rewrites = rewrites,
            Created = Names(after.Relations.Values.Where(r => !before.Relations.ContainsKey(r.Oid))),
            Dropped = Names(before.Relations.Values.Where(r => !after.Relations.ContainsKey(r.Oid))),
            ColumnChanges = Columns(before, after),
            ConstraintChanges = Constraints(before, after),
            IndexChanges = Indexes(before, after),
            LockTimeout = before.LockTimeout,
            StatementTimeout = before.StatementTimeout,
            HeldAccessExclusive = held,
        };
    }

    /// <summary>Tables first, then indexes, sequences and the rest; by name within each kind.</summary>
    private static List<string> Names(IEnumerable<RelationState> relations) =>
        [.. relations.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Name)];

    private static List<ColumnChange> Columns(CatalogState before, CatalogState after)
    {
        // Only tables that existed before the statement: a new table's columns are part of "created".
        var changes = new List<ColumnChange>();
        foreach (var (key, now) in after.Columns)
        {
            if (!before.Relations.ContainsKey(key.Table))
            {
                continue;
            }

            if (!before.Columns.TryGetValue(key, out var was))
            {
                changes.Add(new ColumnChange(after.NameOf(key.Table), now.Name, ChangeKind.Added, null, now.Type, null, now.NotNull, null, now.Default));
            }
            else if (was != now)
            {
                changes.Add(new ColumnChange(
                    after.NameOf(key.Table), now.Name, ChangeKind.Altered, was.Type, now.Type, was.NotNull, now.NotNull, was.Default, now.Default));
            }
        }

        changes.AddRange(before.Columns
            .Where(c => after.Relations.ContainsKey(c.Key.Table) && !after.Columns.ContainsKey(c.Key))
            .Select(c => new ColumnChange(before.NameOf(c.Key.Table), c.Value.Name, ChangeKind.Dropped, c.Value.Type, null, c.Value.NotNull, null, c.Value.Default, null)));
        return changes;
    }

    private static List<ConstraintChange> Constraints(CatalogState before, CatalogState after)
    {
        var changes = new List<ConstraintChange>();
        foreach (var now in after.Constraints.Values)
        {
            if (!before.Constraints.TryGetValue(now.Oid, out var was))
            {
                changes.Add(new ConstraintChange(after.NameOf(now.TableOid), now.Name, now.Kind, ChangeKind.Added, now.Validated, now.Definition));
            }
            else if (was.Name != now.Name || was.Validated != now.Validated || was.Definition != now.Definition)
            {
                changes.Add(new ConstraintChange(after.NameOf(now.TableOid), now.Name, now.Kind, ChangeKind.Altered, now.Validated, now.Definition));
            }
        }

        changes.AddRange(before.Constraints.Values
            .Where(c => after.Relations.ContainsKey(c.TableOid) && !after.Constraints.ContainsKey(c.Oid))
            .Select(c => new ConstraintChange(before.NameOf(c.TableOid), c.Name, c.Kind, ChangeKind.Dropped, c.Validated, c.Definition)));
        return changes;
    }

    private static List<IndexChange> Indexes(CatalogState before, CatalogState after)
    {
        var changes = new List<IndexChange>();
        foreach (var now in after.Indexes.Values)
        {
            if (!before.Indexes.TryGetValue(now.Oid, out var was))
            {
                changes.Add(new IndexChange(after.NameOf(now.Oid), after.NameOf(now.TableOid), ChangeKind.Added, now.Valid, now.Ready, now.Definition));
            }
            else if (was.Valid != now.Valid || was.Ready != now.Ready || was.Definition != now.Definition)
            {
                changes.Add(new IndexChange(after.NameOf(now.Oid), after.NameOf(now.TableOid), ChangeKind.Altered, now.Valid, now.Ready, now.Definition));
            }
        }

        changes.AddRange(before.Indexes.Values
            .Where(i => after.Relations.ContainsKey(i.TableOid) && !after.Indexes.ContainsKey(i.Oid))
            .Select(i => new IndexChange(before.NameOf(i.Oid), before.NameOf(i.TableOid), ChangeKind.Dropped, i.Valid, i.Ready, i.Definition)));
        return changes;
    }
}
