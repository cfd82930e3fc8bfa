using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>CREATE INDEX CONCURRENTLY</c> (and DROP INDEX / REINDEX / DETACH PARTITION … CONCURRENTLY) fail inside a
/// transaction block. The transaction may be implied: Drizzle's migrator runs every pending migration in one
/// transaction, many tools wrap each file in one.
/// </summary>
public sealed class BanConcurrentIndexCreationInTransaction : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-concurrent-index-creation-in-transaction", Severity.Error,
        "CONCURRENTLY inside a transaction block fails");

    public void Check(RuleContext context)
    {
        if (!context.Migration.InTransaction)
        {
            return;
        }

        var (what, at) = context.Statement switch
        {
            CreateIndexStatement { Concurrently: true } index => ("CREATE INDEX CONCURRENTLY", index.Position),
            DropIndexStatement { Concurrently: true } drop => ("DROP INDEX CONCURRENTLY", drop.Position),
            ReindexStatement { Concurrently: true } reindex => ("REINDEX CONCURRENTLY", reindex.Position),
            AlterTableStatement alter when alter.Actions.OfType<DetachPartitionAction>().FirstOrDefault(d => d.Concurrently) is { } detach =>
                ("DETACH PARTITION CONCURRENTLY", detach.Position),
            _ => (null, default),
        };
        if (what is null)
        {
            return;
        }

        context.Report(at,
            $"{what} cannot run inside a transaction block, and this statement runs in one ({context.Migration.TransactionReason})",
            "Run it outside the transaction: in a migration the tool runs without a transaction (for Drizzle, a SQL file applied "
            + "with psql after `drizzle-kit migrate`), or drop the explicit BEGIN/COMMIT around it. Keep IF NOT EXISTS / IF EXISTS "
            + "so that a retry after a failure works.");
    }
}
