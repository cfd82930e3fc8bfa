using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ALTER COLUMN … SET NOT NULL</c> on an existing column scans the whole table under an ACCESS EXCLUSIVE lock.
/// From PostgreSQL 12 the scan is skipped when a validated <c>CHECK (col IS NOT NULL)</c> already proves it, which gives
/// the recipe: add the check NOT VALID, validate it, set NOT NULL, drop the check.
/// </summary>
public sealed class SettingNotNull : IMigrationRule
{
    public RuleInfo Info { get; } = new("setting-not-null", Severity.Error,
        "SET NOT NULL on an existing column scans the table under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var set in alter.Actions.OfType<SetNotNullAction>())
        {
            if (context.Migration.IsNewColumn(alter.Table, set.Column)
                || context.Migration.PgVersion >= 12 && context.Migration.Schema.ValidatedNotNullCheck(alter.Table, set.Column) is not null)
            {
                continue;
            }

            var table = SqlText.Quote(alter.Table);
            var column = SqlText.Quote(set.Column);
            var check = SqlText.Quote(SqlText.NameFrom(alter.Table.Name, set.Column, "not_null"));
            var first = $"ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({column} IS NOT NULL) NOT VALID;\n"
                + $"-- in a later migration, once no NULLs are left:\nALTER TABLE {table} VALIDATE CONSTRAINT {check};\n";
            var rewrite = context.Migration.PgVersion >= 12
                ? first + $"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL;\nALTER TABLE {table} DROP CONSTRAINT {check};"
                : first + "-- before PostgreSQL 12 SET NOT NULL always scans: keep the validated CHECK instead";
            context.Report(set.Position,
                $"SET NOT NULL on {alter.Table.Display}.{set.Column} scans every row while an ACCESS EXCLUSIVE lock blocks reads and writes",
                "Prove it first with CHECK (col IS NOT NULL) NOT VALID and a later VALIDATE CONSTRAINT (writes continue); on PostgreSQL 12+ "
                + "SET NOT NULL then skips the scan, and the check can be dropped.",
                rewrite);
        }
    }
}
