using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// An exclusion constraint cannot be added <c>NOT VALID</c> and has no <c>USING INDEX</c> form: on an existing table it
/// builds its index and checks every row under an ACCESS EXCLUSIVE lock.
/// </summary>
public sealed class BanExclusionConstraintOnExistingTable : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-exclusion-constraint-on-existing-table", Severity.Error,
        "ADD EXCLUDE on an existing table scans and indexes it under an ACCESS EXCLUSIVE lock, with no safe variant");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var action in alter.Actions.OfType<AddConstraintAction>().Where(a => a.Constraint.Kind == ConstraintKind.Exclude))
        {
            context.Report(action.Position,
                $"EXCLUDE constraint {action.Constraint.Name ?? "(unnamed)"} on existing table {alter.Table.Display} builds its index and checks "
                + "every row while an ACCESS EXCLUSIVE lock blocks reads and writes; exclusion constraints cannot be added NOT VALID",
                "Add the constraint when the table is created, or do it in a maintenance window with lock_timeout set; a trigger "
                + "that enforces the rule for new rows can bridge the gap until then.");
        }
    }
}
