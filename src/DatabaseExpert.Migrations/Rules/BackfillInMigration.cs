using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// An UPDATE or DELETE over an existing table in a migration runs as one statement: on a large table it holds row
/// locks on every row it touches until the migration commits, runs long, and leaves a table's worth of dead rows.
/// </summary>
public sealed class BackfillInMigration : IMigrationRule
{
    public RuleInfo Info { get; } = new("backfill-in-migration", Severity.Warning,
        "UPDATE/DELETE of an existing table in a migration runs unbatched, holding row locks until commit");

    public void Check(RuleContext context)
    {
        if (context.Statement is not DmlStatement { Kind: DmlKind.Update or DmlKind.Delete } dml || !context.IsExisting(dml.Table))
        {
            return;
        }

        var verb = dml.Kind == DmlKind.Update ? "UPDATE" : "DELETE";
        var transaction = context.Migration.InTransaction ? $" inside the migration's transaction ({context.Migration.TransactionReason})" : string.Empty;
        context.Report(dml.Position,
            $"{verb} on existing table {dml.Table.Display} changes {(dml.HasWhere ? "every matching row" : "every row")} in one statement{transaction}: "
            + "row locks are held until commit and a large table bloats",
            "Backfill in batches (a few thousand rows per transaction, by key range) outside the migration, e.g. a script run after "
            + "deploy; keep schema changes and data changes in separate steps.",
            $"-- repeat until it changes 0 rows, outside the migration's transaction:\n-- {verb} … WHERE <key> IN (SELECT <key> FROM {SqlText.Quote(dml.Table)} WHERE <not done yet> LIMIT 5000);");
    }
}
