using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>Renaming a column breaks running code that uses the old name the moment the migration commits.</summary>
public sealed class RenamingColumn : IMigrationRule
{
    public RuleInfo Info { get; } = new("renaming-column", Severity.Warning,
        "RENAME COLUMN breaks running code that uses the old name");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var rename in alter.Actions.OfType<RenameColumnAction>().Where(r => !context.Migration.IsNewColumn(alter.Table, r.Column)))
        {
            var table = SqlText.Quote(alter.Table);
            context.Report(rename.Position,
                $"renaming {alter.Table.Display}.{rename.Column} to {rename.NewName} breaks application instances that still use {rename.Column}",
                "Expand and contract: add the new column, write both, fill it in batches, move reads to it, stop writing the old one, "
                + "then drop it. Or map the new name in code first (Drizzle: keep the property, change the column name) and deploy it together.",
                $"ALTER TABLE {table} ADD COLUMN {SqlText.Quote(rename.NewName)} <type>;\n-- write both columns, fill the new one in batches, move reads, then:\n"
                + $"ALTER TABLE {table} DROP COLUMN {SqlText.Quote(rename.Column)};");
        }
    }
}
