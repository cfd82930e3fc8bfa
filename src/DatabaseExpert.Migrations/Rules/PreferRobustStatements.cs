using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// A migration that runs outside a transaction can fail half-way, leaving some statements applied; re-running it then
/// fails on the first statement that already ran. IF [NOT] EXISTS makes each statement safe to repeat. Checked only
/// outside transactions, on files with several statements or on CONCURRENTLY statements (which always run alone), and
/// reported once per file, at the first such statement.
/// </summary>
public sealed class PreferRobustStatements : IMigrationRule
{
    public RuleInfo Info { get; } = new("prefer-robust-stmts", Severity.Info,
        "outside a transaction, statements without IF [NOT] EXISTS make a half-applied migration fail on retry");

    public void Check(RuleContext context)
    {
        if (context.Migration.InTransaction)
        {
            return;
        }

        var statement = context.Statement;
        var concurrent = statement is CreateIndexStatement { Concurrently: true } or DropIndexStatement { Concurrently: true };
        if (!concurrent && context.Migration.StatementCount <= 1)
        {
            return;
        }

        var missing = statement switch
        {
            CreateTableStatement { IfNotExists: false, Temporary: false } => "CREATE TABLE IF NOT EXISTS",
            CreateIndexStatement { IfNotExists: false, Name: not null } => "CREATE INDEX … IF NOT EXISTS",
            DropIndexStatement { IfExists: false } => "DROP INDEX … IF EXISTS",
            DropStatement { IfExists: false, Kind: not DroppedObjectKind.Database } => "DROP … IF EXISTS",
            AlterTableStatement alter when alter.Actions.Any(a => a is AddColumnAction { IfNotExists: false }) => "ADD COLUMN IF NOT EXISTS",
            AlterTableStatement alter when alter.Actions.Any(a => a is DropColumnAction { IfExists: false }) => "DROP COLUMN IF EXISTS",
            AlterTableStatement alter when alter.Actions.Any(a => a is DropConstraintAction { IfExists: false }) => "DROP CONSTRAINT IF EXISTS",
            _ => null,
        };
        if (missing is null || !context.Migration.FirstTime(Info.Id))
        {
            return;
        }

        context.Report(statement.Position,
            $"{statement.Sql.Keywords} runs outside a transaction without {missing}: if the migration fails after it, running it again "
            + "fails here (the first such statement of this file)",
            $"Write {missing} so the statement can be repeated. For a concurrent index build that failed, drop the INVALID index "
            + "(DROP INDEX CONCURRENTLY IF EXISTS) before retrying: IF NOT EXISTS would keep it.");
    }
}
