using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ADD COLUMN</c> on an existing table rewrites the whole table under an ACCESS EXCLUSIVE lock when every row must
/// get its own value: a volatile default (<c>gen_random_uuid()</c>, <c>clock_timestamp()</c>, <c>random()</c>), a serial
/// or identity column, a stored generated column — or any default before PostgreSQL 11. From 11 a non-volatile default
/// (a constant, <c>now()</c>) is stored once in the catalog and costs nothing.
/// </summary>
public sealed class AddingFieldWithDefault : IMigrationRule
{
    public RuleInfo Info { get; } = new("adding-field-with-default", Severity.Error,
        "ADD COLUMN with a volatile default, serial/identity or stored generated column rewrites the table");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var add in alter.Actions.OfType<AddColumnAction>())
        {
            Check(context, alter.Table, add);
        }
    }

    private static void Check(RuleContext context, ObjectName tableName, AddColumnAction add)
    {
        var column = add.Column;
        var table = SqlText.Quote(tableName);
        var name = SqlText.Quote(column.Name);
        var where = $"{tableName.Display}.{column.Name}";
        const string Help = "Add the column without a default, set the default for new rows, then fill existing rows in batches "
            + "outside the migration's transaction.";
        if (column.Generation == ColumnGeneration.Stored)
        {
            context.Report(add.Position,
                $"stored generated column {where} is computed for every existing row: the table is rewritten under an ACCESS EXCLUSIVE lock",
                "Add a plain column, fill it in batches and keep it current with a trigger; or add the generated column when the table is created.");
            return;
        }

        if (column.Generation == ColumnGeneration.Identity || TypeNames.IsSerial(column.Type.Name))
        {
            context.Report(add.Position,
                $"{(column.Generation == ColumnGeneration.Identity ? "identity" : column.Type.Text)} column {where} draws a sequence value for every "
                + "existing row: the table is rewritten under an ACCESS EXCLUSIVE lock",
                "Add a nullable bigint column, attach a sequence default for new rows, fill existing rows in batches, then add the "
                + "constraints (NOT NULL via a validated CHECK, a unique index built concurrently).",
                $"ALTER TABLE {table} ADD COLUMN {name} bigint;\nCREATE SEQUENCE {SqlText.Quote(SqlText.NameFrom(tableName.Name, column.Name, "seq"))} OWNED BY {table}.{name};\n"
                + $"ALTER TABLE {table} ALTER COLUMN {name} SET DEFAULT nextval('{SqlText.NameFrom(tableName.Name, column.Name, "seq")}');\n"
                + "-- then fill existing rows in batches");
            return;
        }

        if (column.Default is not { } expression)
        {
            return;
        }

        var rewrite = $"ALTER TABLE {table} ADD COLUMN {name} {column.Type.Text};\nALTER TABLE {table} ALTER COLUMN {name} SET DEFAULT {expression.Text};\n"
            + $"-- then, in batches outside the migration's transaction:\n-- UPDATE {table} SET {name} = {expression.Text} WHERE {name} IS NULL AND <key range>;";
        if (context.Migration.PgVersion < 11)
        {
            context.Report(add.Position,
                $"ADD COLUMN {where} with DEFAULT {expression.Text} rewrites the table under an ACCESS EXCLUSIVE lock before PostgreSQL 11 "
                + $"(the target is {context.Migration.PgVersion})",
                Help, rewrite);
            return;
        }

        var (volatility, culprit) = context.Migration.VolatilityOf(expression);
        if (volatility == Volatility.Volatile)
        {
            context.Report(add.Position,
                $"DEFAULT {expression.Text} of new column {where} is volatile{Because(expression, culprit!)}: every existing row gets its own value, "
                + "so the table is rewritten under an ACCESS EXCLUSIVE lock",
                Help + " A non-volatile default (a constant, now()) would be stored once, without a rewrite.", rewrite);
        }
        else if (volatility == Volatility.Unknown)
        {
            context.Report(add.Position,
                $"DEFAULT {expression.Text} of new column {where} calls {culprit!.Name}(), whose volatility dbx does not know; if it is VOLATILE "
                + "(the default for CREATE FUNCTION) the table is rewritten under an ACCESS EXCLUSIVE lock",
                "Declare the function IMMUTABLE or STABLE if it is, run dbx lint with --db so it can read the catalog, or add the column "
                + "without a default and fill it in batches.",
                rewrite, Severity.Warning);
        }
    }

    // "volatile" says enough when the default is the call itself; otherwise name the call that makes it so.
    private static string Because(SqlExpression expression, FunctionCall culprit) =>
        expression.Text.StartsWith(culprit.Name, StringComparison.OrdinalIgnoreCase) && expression.Calls.Count == 1 ? string.Empty : $" (it calls {culprit.Name}())";
}
