using System.Globalization;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-bulk-row-change</c>: an UPDATE or DELETE inside the migration's transaction changed at least
/// <see cref="Threshold"/> rows of a table that existed before it. Every changed row stays locked until COMMIT (writers
/// to those rows wait), the transaction grows, and replicas lag. Measured, so it needs data: a seed, or a real database.
/// </summary>
internal sealed class BulkRowChangeRule : ITraceRule
{
    /// <summary>A batch size commonly recommended for backfills; above it, batch.</summary>
    public const int Threshold = 10_000;

    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.BulkRowChange, Severity.Warning, "UPDATE or DELETE of many rows inside the migration's transaction");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var statement in file.Statements.Where(s => s.Ran && s.Trace.InTransaction && s.Trace.RowsAffected >= Threshold
                     && (s.Statement.StartsWith("UPDATE") || s.Statement.StartsWith("DELETE"))))
        {
            var target = statement.NewLocks.Concat(statement.Before!.Locks)
                .Where(l => l.Mode == LockMode.RowExclusive && file.Preexisting.Contains(l.Oid)
                    && statement.After!.Relations.TryGetValue(l.Oid, out var relation) && relation.Kind.IsTableLike())
                .Select(l => statement.After!.NameOf(l.Oid))
                .FirstOrDefault();
            if (target is null)
            {
                continue;
            }

            var rows = statement.Trace.RowsAffected!.Value.ToString("N0", CultureInfo.InvariantCulture);
            var verb = statement.Statement.StartsWith("UPDATE") ? "UPDATE" : "DELETE";
            yield return TraceFindings.At(
                Info,
                file,
                statement,
                $"{verb} changed {rows} rows of {target} inside the migration's transaction: every one of them stays locked until "
                + "COMMIT, so writes to them wait",
                "Move data changes out of schema migrations: run them as a separate job in batches (a few thousand rows per "
                + "transaction, committing each), so locks are short and replication keeps up. Make the migration idempotent so "
                + "the job can resume.",
                $"{rows} rows changed in {TraceFindings.Ms(statement.Trace.DurationMs)} here; RowExclusiveLock on {target} and row locks held "
                + "until COMMIT",
                $"""
                -- run outside the migration, repeating until it reports 0 rows:
                WITH batch AS (SELECT ctid FROM {target} WHERE /* rows not yet done */ true LIMIT 5000)
                {verb} … WHERE ctid IN (SELECT ctid FROM batch);
                """);
        }
    }
}
