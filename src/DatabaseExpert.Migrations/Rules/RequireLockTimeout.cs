using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// A statement that needs a write-blocking lock waits behind every running transaction on the table, and while it
/// waits every new query on the table queues behind it: a 30-second report becomes a 30-second outage. With
/// <c>lock_timeout</c> the migration fails fast instead and can be retried. Reported once per file, at the first such
/// statement.
/// </summary>
public sealed class RequireLockTimeout : IMigrationRule
{
    public RuleInfo Info { get; } = new("require-lock-timeout", Severity.Warning,
        "a statement takes a write-blocking lock on an existing table with no lock_timeout set");

    public void Check(RuleContext context)
    {
        var migration = context.Migration;
        if (migration.LockTimeoutSet || DangerousLocks.Strongest(context.Statement, migration) is not { } tableLock || !migration.FirstTime(Info.Id))
        {
            return;
        }

        var ineffective = migration.IneffectiveLocalTimeout is { } local
            ? $" (the SET LOCAL at line {local.Position.Line} ran outside a transaction and had no effect)"
            : string.Empty;
        context.Report(context.Statement.Position,
            $"{context.Statement.Sql.Keywords} takes {tableLock.Mode.WithArticle()} on {tableLock.Table.Display} (blocks {tableLock.Mode.Blocks()}) "
            + $"with no lock_timeout set{ineffective}: while it waits for the lock, every new query on {tableLock.Table.Display} queues behind it",
            "Set lock_timeout at the top of the migration so a blocked statement fails fast; retry the migration later.",
            $"SET {(migration.InTransaction ? "LOCAL " : string.Empty)}lock_timeout = '5s';");
    }
}
