using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Valid indexes of one table with the same method, key columns, operator classes, collations, sort options,
/// expressions, predicate and INCLUDE columns: one of them is enough. Uniqueness is not part of the comparison — a
/// unique index serves every lookup a plain one does — so the plain one (or the one no constraint owns) is dropped.
/// </summary>
internal sealed class DuplicateIndexesCheck : IHealthCheck
{
    public const string Id = "duplicate-indexes";

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Duplicate indexes",
        "Indexes identical to another index of the same table (columns, operator classes, expressions, predicate, INCLUDE).");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var indexes = await IndexCatalog.LoadAsync(context, cancellationToken);
        var findings = new List<HealthFinding>();
        foreach (var group in indexes.GroupBy(Signature).Where(g => g.Count() > 1))
        {
            // Keep the index that carries the most meaning; drop the rest.
            var ordered = group
                .OrderByDescending(i => i.IsPrimary)
                .ThenByDescending(i => i.Constraint is not null)
                .ThenByDescending(i => i.ReferencedByForeignKey)
                .ThenByDescending(i => i.IsUnique)
                .ThenByDescending(i => i.Scans ?? 0)
                .ThenBy(i => i.Oid)
                .ToList();
            var keep = ordered[0];
            foreach (var duplicate in ordered.Skip(1))
            {
                findings.Add(new HealthFinding(
                    duplicate.Object,
                    FindingSeverity.Warning,
                    $"duplicates {keep.Object} {keep.KeyText}{(keep.IsUnique && !duplicate.IsUnique ? " (which is unique)" : string.Empty)}: "
                    + $"both serve the same lookups, so this one only costs {Format.Bytes(duplicate.Bytes)} and write work"
                    + (duplicate.ReferencedByForeignKey ? "; foreign keys reference it, so re-point them to the other index first" : string.Empty)
                    + ".",
                    IndexCatalog.DropSql(duplicate),
                    new Dictionary<string, object?>
                    {
                        ["table"] = duplicate.Table,
                        ["duplicateOf"] = keep.Object,
                        ["definition"] = duplicate.Definition,
                        ["keptDefinition"] = keep.Definition,
                        ["bytes"] = duplicate.Bytes,
                        ["scans"] = duplicate.Scans,
                    }));
            }
        }

        return new CheckOutcome(
            findings.Count == 0 ? $"no duplicates among {indexes.Count} valid indexes"
                : $"{findings.Count} duplicate index(es), {Format.Bytes(findings.Sum(f => (long)f.Details["bytes"]!))} that can go",
            findings);
    }

    private static string Signature(IndexEntry index) => string.Join('|',
        index.TableOid,
        index.Method,
        index.KeyCount,
        string.Join(',', index.Columns),
        string.Join(',', index.OperatorClasses),
        string.Join(',', index.Collations),
        string.Join(',', index.Options),
        index.Expressions ?? string.Empty,
        index.Predicate ?? string.Empty);
}
