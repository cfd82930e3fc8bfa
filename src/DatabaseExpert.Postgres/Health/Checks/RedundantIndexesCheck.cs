using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// A plain (not unique, no constraint) b-tree whose key columns are the leading key columns of another valid b-tree
/// of the same table with the same predicate: the wider index answers every lookup the narrow one does.
/// </summary>
internal sealed class RedundantIndexesCheck : IHealthCheck
{
    public const string Id = "redundant-indexes";

    // pg_index.indoption bits: 1 = DESC, 2 = NULLS FIRST. A one-column b-tree scans either way, so a fully reversed
    // order (ASC NULLS LAST vs DESC NULLS FIRST) is the same index for lookups.
    private const short ReversedOrder = 3;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Redundant indexes",
        "B-tree indexes whose columns are a leading prefix of a wider b-tree with the same predicate (not unique ones).");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var indexes = await IndexCatalog.LoadAsync(context, cancellationToken);
        var findings = new List<HealthFinding>();
        foreach (var table in indexes.Where(i => i.Method == "btree").GroupBy(i => i.TableOid))
        {
            foreach (var narrow in table.Where(i => !i.IsUnique && i.Constraint is null && i.Expressions is null))
            {
                var wide = table
                    .Where(w => w.Oid != narrow.Oid && w.KeyCount > narrow.KeyCount && Covers(w, narrow))
                    .OrderBy(w => w.KeyCount)
                    .ThenBy(w => w.Bytes)
                    .ThenBy(w => w.Object, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (wide is null)
                {
                    continue;
                }

                findings.Add(new HealthFinding(
                    narrow.Object,
                    FindingSeverity.Warning,
                    $"its key {narrow.KeyText} is the leading part of {wide.Object} {wide.KeyText}, which serves every lookup this one does; "
                    + $"dropping it saves {Format.Bytes(narrow.Bytes)} and write work (queries that used it read the wider index instead).",
                    IndexCatalog.DropSql(narrow),
                    new Dictionary<string, object?>
                    {
                        ["table"] = narrow.Table,
                        ["coveredBy"] = wide.Object,
                        ["definition"] = narrow.Definition,
                        ["coveringDefinition"] = wide.Definition,
                        ["bytes"] = narrow.Bytes,
                        ["scans"] = narrow.Scans,
                    }));
            }
        }

        return new CheckOutcome(
            findings.Count == 0 ? "no b-tree index is a prefix of another" : $"{findings.Count} index(es) covered by a wider one",
            findings);
    }

    private static bool Covers(IndexEntry wide, IndexEntry narrow)
    {
        if (!string.Equals(wide.Predicate, narrow.Predicate, StringComparison.Ordinal))
        {
            return false;
        }

        for (var k = 0; k < narrow.KeyCount; k++)
        {
            if (wide.Columns[k] != narrow.Columns[k] || wide.OperatorClasses[k] != narrow.OperatorClasses[k]
                || wide.Collations[k] != narrow.Collations[k])
            {
                return false;
            }
        }

        var sameOrder = narrow.Options.AsSpan(0, narrow.KeyCount).SequenceEqual(wide.Options.AsSpan(0, narrow.KeyCount));
        var reversedSingle = narrow.KeyCount == 1 && (narrow.Options[0] ^ wide.Options[0]) == ReversedOrder;
        if (!sameOrder && !reversedSingle)
        {
            return false;
        }

        // INCLUDE columns of the narrow index allow index-only scans; the wide one must carry them too.
        return narrow.Columns.Skip(narrow.KeyCount).All(c => wide.Columns.Contains(c));
    }
}
