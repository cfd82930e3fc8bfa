using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// Dropping a column breaks every running instance of the application that still reads or writes it (ORMs often
/// select every column by name). Stop using it in code first, deploy, then drop it.
/// </summary>
public sealed class BanDropColumn : IMigrationRule
{
    public RuleInfo Info { get; } = new("ban-drop-column", Severity.Warning,
        "DROP COLUMN breaks running code that still uses the column");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var drop in alter.Actions.OfType<DropColumnAction>().Where(d => !context.Migration.IsNewColumn(alter.Table, d.Column)))
        {
            context.Report(drop.Position,
                $"DROP COLUMN {alter.Table.Display}.{drop.Column} breaks application instances that still select, insert or update it",
                "Expand and contract: remove the column from the code (for Drizzle: from schema.ts) and deploy that first; drop it "
                + "in a later migration. Mark this statement with `-- dbx-ignore ban-drop-column` once that is done.");
        }
    }
}
