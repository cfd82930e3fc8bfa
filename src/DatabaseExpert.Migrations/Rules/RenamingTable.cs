using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>Renaming a table (or moving it to another schema) breaks running code that uses the old name.</summary>
public sealed class RenamingTable : IMigrationRule
{
    public RuleInfo Info { get; } = new("renaming-table", Severity.Warning,
        "RENAME TO / SET SCHEMA breaks running code that uses the old table name");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var action in alter.Actions)
        {
            var (newName, first) = action switch
            {
                RenameTableAction rename => (rename.NewName, $"ALTER TABLE {SqlText.Quote(alter.Table)} RENAME TO {SqlText.Quote(rename.NewName)};"),
                SetSchemaAction move => ($"{move.Schema}.{alter.Table.Name}", $"ALTER TABLE {SqlText.Quote(alter.Table)} SET SCHEMA {SqlText.Quote(move.Schema)};"),
                _ => (null, null),
            };
            if (newName is null)
            {
                continue;
            }

            var moved = action is SetSchemaAction set ? $"{SqlText.Quote(set.Schema)}.{SqlText.Quote(alter.Table.Name)}" : SqlText.Quote(newName);
            context.Report(action.Position,
                $"renaming table {alter.Table.Display} to {newName} breaks application instances that still use {alter.Table.Display}",
                "Rename in steps: keep the old name working as a simple view over the table (it stays updatable), move the code "
                + "to the new name and deploy, then drop the view.",
                $"{first}\nCREATE VIEW {SqlText.Quote(alter.Table)} AS SELECT * FROM {moved};\n"
                + $"-- once no code uses the old name:\n-- DROP VIEW {SqlText.Quote(alter.Table)};");
        }
    }
}
