using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// A foreign key added to an existing table without <c>NOT VALID</c> checks every row while holding SHARE ROW
/// EXCLUSIVE on both tables (writes wait). A foreign key on a table created in the same migration is fine.
/// </summary>
public sealed class AddingForeignKeyConstraint : IMigrationRule
{
    public RuleInfo Info { get; } = new("adding-foreign-key-constraint", Severity.Error,
        "a foreign key on an existing table without NOT VALID validates every row while blocking writes");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        var table = SqlText.Quote(alter.Table);
        foreach (var action in alter.Actions)
        {
            if (action is AddConstraintAction { Constraint: { Kind: ConstraintKind.ForeignKey, NotValid: false } fk })
            {
                var name = fk.Name ?? SqlText.NameFrom(alter.Table.Name, string.Join('_', fk.Columns), "fkey");
                var body = fk.Name is null ? $"CONSTRAINT {SqlText.Quote(name)} {fk.Text}" : fk.Text;
                context.Report(action.Position,
                    $"FOREIGN KEY {fk.Name ?? "(unnamed)"} on existing table {alter.Table.Display} → {fk.ReferencedTable?.Display} checks every "
                    + $"row of {alter.Table.Display} while writes to both tables wait (SHARE ROW EXCLUSIVE)",
                    "Add it NOT VALID (enforced for new rows at once), then VALIDATE CONSTRAINT in a later migration, which lets "
                    + "writes continue. Index the referencing column too: deletes on the parent scan it.",
                    $"ALTER TABLE {table} ADD {body} NOT VALID;\n-- in a later migration (its own transaction):\nALTER TABLE {table} VALIDATE CONSTRAINT {SqlText.Quote(name)};");
            }
            else if (action is AddColumnAction { Column.References: { } referenced } add)
            {
                var column = add.Column;
                var name = SqlText.NameFrom(alter.Table.Name, column.Name, "fkey");
                context.Report(action.Position,
                    $"ADD COLUMN {column.Name} … REFERENCES {referenced.Display} adds a validated foreign key to existing table {alter.Table.Display}, "
                    + "scanning it while writes to both tables wait",
                    "An inline REFERENCES cannot be NOT VALID: add the column alone, then the foreign key NOT VALID, and validate it later.",
                    $"ALTER TABLE {table} ADD COLUMN {SqlText.Quote(column.Name)} {column.Type.Text};\n"
                    + $"ALTER TABLE {table} ADD CONSTRAINT {SqlText.Quote(name)} FOREIGN KEY ({SqlText.Quote(column.Name)}) REFERENCES {SqlText.Quote(referenced)} NOT VALID;\n"
                    + $"-- in a later migration:\nALTER TABLE {table} VALIDATE CONSTRAINT {SqlText.Quote(name)};");
            }
        }
    }
}
