using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>DETACH PARTITION</c> takes an ACCESS EXCLUSIVE lock on the parent table. From PostgreSQL 14,
/// <c>DETACH PARTITION … CONCURRENTLY</c> takes a SHARE UPDATE EXCLUSIVE lock instead.
/// </summary>
public sealed class RequireConcurrentPartitionDetach : IMigrationRule
{
    public RuleInfo Info { get; } = new("require-concurrent-partition-detach", Severity.Warning,
        "DETACH PARTITION without CONCURRENTLY locks the whole partitioned table (PostgreSQL 14+ has CONCURRENTLY)");

    public void Check(RuleContext context)
    {
        if (context.Migration.PgVersion < 14 || context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var detach in alter.Actions.OfType<DetachPartitionAction>().Where(d => !d.Concurrently && !d.Finalize))
        {
            context.Report(detach.Position,
                $"DETACH PARTITION {detach.Partition.Display} takes an ACCESS EXCLUSIVE lock on {alter.Table.Display}: every query on the partitioned table waits",
                "Use DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+, outside a transaction block); if it is interrupted, finish it with DETACH PARTITION … FINALIZE.",
                $"ALTER TABLE {SqlText.Quote(alter.Table)} DETACH PARTITION {SqlText.Quote(detach.Partition)} CONCURRENTLY;");
        }
    }
}
