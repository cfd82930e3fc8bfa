using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// <c>ALTER COLUMN … TYPE</c> rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock unless the
/// change is binary-coercible or only widens a limit (varchar(10) → varchar(20), varchar → text, numeric(10,2) →
/// numeric(12,2)). The current type comes from earlier migrations or, with <c>--db</c>, from the catalog.
/// </summary>
public sealed class ChangingColumnType : IMigrationRule
{
    public RuleInfo Info { get; } = new("changing-column-type", Severity.Error,
        "ALTER COLUMN … TYPE that is not binary-coercible rewrites the table under an ACCESS EXCLUSIVE lock");

    public void Check(RuleContext context)
    {
        if (context.Statement is not AlterTableStatement alter || !context.IsExisting(alter.Table))
        {
            return;
        }

        foreach (var change in alter.Actions.OfType<AlterColumnTypeAction>())
        {
            if (context.Migration.IsNewColumn(alter.Table, change.Column))
            {
                continue;
            }

            var before = context.Migration.ColumnTypeBefore(alter.Table, change.Column);
            var verdict = TypeChanges.Classify(before, change.NewType, change.Using, change.Column, context.Migration.PgVersion, context.Migration.Types);
            var where = $"{alter.Table.Display}.{change.Column}";
            var rewrite = ExpandContract(alter.Table, change);
            switch (verdict.Verdict)
            {
                case RewriteVerdict.Rewrite:
                    context.Report(change.Position,
                        $"changing {where} from {verdict.From!.Text} to {change.NewType.Text} rewrites {alter.Table.Display} and rebuilds its indexes "
                        + $"while an ACCESS EXCLUSIVE lock blocks reads and writes ({verdict.Reason})",
                        "Expand and contract: add a column of the new type, keep it in sync with a trigger, fill it in batches, switch "
                        + "the application to it, then drop the old column. Running code may also break on the new type.",
                        rewrite);
                    break;
                case RewriteVerdict.DependsOnTimeZone:
                    context.Report(change.Position,
                        $"changing {where} from {verdict.From!.Text} to {change.NewType.Text} rewrites the table under an ACCESS EXCLUSIVE lock "
                        + "unless the migration's session has TimeZone = 'UTC'",
                        "Run SET LOCAL TimeZone = 'UTC' just before it (PostgreSQL 12+ then only changes the catalog), and check that "
                        + "stored values were written in UTC.",
                        $"SET LOCAL TimeZone = 'UTC';\nALTER TABLE {SqlText.Quote(alter.Table)} {change.Text};",
                        Severity.Warning);
                    break;
                case RewriteVerdict.Unknown:
                    context.Report(change.Position,
                        $"changing {where} to {change.NewType.Text} rewrites the table under an ACCESS EXCLUSIVE lock unless the change is "
                        + $"binary-coercible, and {verdict.Reason}",
                        "Run dbx lint with --db (or lint the whole migration history) so the current type is known; if it is a rewrite, "
                        + "expand and contract instead.",
                        rewrite, Severity.Warning);
                    break;
            }
        }
    }

    private static string ExpandContract(ObjectName tableName, AlterColumnTypeAction change)
    {
        var table = SqlText.Quote(tableName);
        var column = SqlText.Quote(change.Column);
        var staged = SqlText.Quote(SqlText.NameFrom(change.Column, "new"));
        return $"ALTER TABLE {table} ADD COLUMN {staged} {change.NewType.Text};\n"
            + $"-- keep {staged} in sync with {column} (a BEFORE INSERT OR UPDATE trigger), then fill it in batches:\n"
            + $"-- UPDATE {table} SET {staged} = {column} WHERE {staged} IS NULL AND <key range>;\n"
            + $"-- then, in one short transaction: rename {column} away, rename {staged} to {column}; drop the old column later";
    }
}
