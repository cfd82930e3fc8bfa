using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ADD COLUMN … NOT NULL</c> without a default fails on a table that has rows ("column … contains null values"):
/// the migration works on an empty development database and breaks in production.
/// </summary>
public sealed class AddingNotNullableField : IMigrationRule
{
    public RuleInfo Info { get; } = new("adding-not-nullable-field", Severity.Error,
        "ADD COLUMN … NOT NULL without a default fails on a table that has rows");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var add in alter.Actions.OfType<AddColumnAction>())
        {
            var column = add.Column;
            if (!column.NotNull || column.HasValueForExistingRows)
            {
                continue;
            }

            var table = SqlText.Quote(alter.Table);
            var name = SqlText.Quote(column.Name);
            var check = SqlText.Quote(SqlText.NameFrom(alter.Table.Name, column.Name, "not_null"));
            context.Report(add.Position,
                $"ADD COLUMN {column.Name} {column.Type.Text} NOT NULL without a DEFAULT fails on {alter.Table.Display} as soon as it has a row "
                + "(existing rows would hold NULL)",
                "Either give it a constant DEFAULT (stored once, no rewrite on PostgreSQL 11+), or add it nullable, fill it in batches, "
                + "and then add NOT NULL through a validated CHECK.",
                $"ALTER TABLE {table} ADD COLUMN {name} {column.Type.Text};\n-- fill existing rows in batches, then:\n"
                + $"ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({name} IS NOT NULL) NOT VALID;\n"
                + $"ALTER TABLE {table} VALIDATE CONSTRAINT {check};\nALTER TABLE {table} ALTER COLUMN {name} SET NOT NULL;\n"
                + $"ALTER TABLE {table} DROP CONSTRAINT {check};");
        }
    }
}
