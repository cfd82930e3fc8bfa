using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ADD CONSTRAINT … CHECK</c> on an existing table scans every row under an ACCESS EXCLUSIVE lock. Add it
/// <c>NOT VALID</c> (new rows are checked at once) and <c>VALIDATE CONSTRAINT</c> later, which scans under a lock that
/// lets reads and writes continue. Also flags a VALIDATE in the same transaction as its NOT VALID add, which keeps the
/// ADD's lock through the scan and defeats the recipe.
/// </summary>
public sealed class ConstraintMissingNotValid : IMigrationRule
{
    public RuleInfo Info { get; } = new("constraint-missing-not-valid", Severity.Error,
        "ADD CONSTRAINT … CHECK without NOT VALID scans the table under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter)
        {
            return;
        }

        foreach (var action in alter.Actions)
        {
            if (action is AddConstraintAction { Constraint: { Kind: ConstraintKind.Check, NotValid: false } check } && context.IsExisting(alter.Table))
            {
                var name = check.Name ?? SqlText.NameFrom(alter.Table.Name, "check");
                var table = SqlText.Quote(alter.Table);
                var body = check.Name is null ? $"CONSTRAINT {SqlText.Quote(name)} {check.Text}" : check.Text;
                context.Report(action.Position,
                    $"CHECK constraint {check.Name ?? "(unnamed)"} on existing table {alter.Table.Display} is validated against every row "
                    + "while an ACCESS EXCLUSIVE lock blocks reads and writes",
                    "Add it NOT VALID (checked for new and updated rows at once, no scan), then VALIDATE CONSTRAINT in a later "
                    + "migration: validation takes SHARE UPDATE EXCLUSIVE, so reads and writes continue.",
                    $"ALTER TABLE {table} ADD {body} NOT VALID;\n-- in a later migration (its own transaction):\nALTER TABLE {table} VALIDATE CONSTRAINT {SqlText.Quote(name)};");
            }
            else if (action is ValidateConstraintAction validate && context.Migration.InTransaction
                && context.Migration.FindNewConstraint(alter.Table, validate.Constraint) is { Constraint.NotValid: true } added
                && added.TransactionNumber == context.Migration.TransactionNumber)
            {
                context.Report(action.Position,
                    $"VALIDATE CONSTRAINT {validate.Constraint} runs in the same transaction that added it NOT VALID, so the ADD's lock on "
                    + $"{alter.Table.Display} is still held during the validation scan",
                    "Validate in a separate transaction (for Drizzle: a separate migration applied by a later `migrate` run); only then "
                    + "does the scan run under the weak SHARE UPDATE EXCLUSIVE lock.");
            }
        }
    }
}
