using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// Several ALTER TABLE statements in a row on the same existing table each queue for its lock (and each rewrite or
/// scan runs separately); one ALTER TABLE with a list of actions takes the lock once and does the work in one pass.
/// </summary>
public sealed class CombineAlterTable : IMigrationRule
{
    public RuleInfo Info { get; } = new("combine-alter-table", Severity.Info,
        "consecutive ALTER TABLE statements on one table could be one statement with several actions");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table) || !Combinable(alter)
            || context.Migration.Previous is not AlterTableStatement previous || !previous.Table.Matches(alter.Table) || !Combinable(previous))
        {
            return;
        }

        var earlier = context.Migration.Earlier;
        // Report a run once, at its second statement.
        if (earlier.Count >= 2 && earlier[^2] is AlterTableStatement before && before.Table.Matches(alter.Table) && Combinable(before))
        {
            return;
        }

        context.Report(alter.Position,
            $"this ALTER TABLE {alter.Table.Display} follows another one on the same table: each statement queues for the lock again "
            + "and rewrites or scans separately",
            "Combine them into one ALTER TABLE with comma-separated actions, unless they must run in separate transactions "
            + "(a NOT VALID constraint and its VALIDATE, for example).",
            $"ALTER TABLE {SqlText.Quote(alter.Table)}\n  {string.Join(",\n  ", previous.Actions.Concat(alter.Actions).Select(a => a.Text))};");
    }

    // RENAME, SET SCHEMA and partition commands must stand alone.
    private static bool Combinable(AlterTableStatement alter) => alter.Actions.All(a =>
        a is not (RenameColumnAction or RenameConstraintAction or RenameTableAction or SetSchemaAction or AttachPartitionAction
            or DetachPartitionAction));
}
