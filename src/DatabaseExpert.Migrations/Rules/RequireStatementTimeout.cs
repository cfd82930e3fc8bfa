using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// A statement that scans or rewrites an existing table while holding a write-blocking lock keeps that lock for as
/// long as the work takes. <c>statement_timeout</c> bounds the outage. Reported once per file.
/// </summary>
public sealed class RequireStatementTimeout : IMigrationRule
{
    public RuleInfo Info { get; } = new("require-statement-timeout", Severity.Warning,
        "a statement scans or rewrites an existing table under a write-blocking lock with no statement_timeout set");

    public void Check(RuleContext context)
    {
        var migration = context.Migration;
        if (migration.StatementTimeoutSet || DangerousLocks.Strongest(context.Statement, migration) is not { LongRunning: true } tableLock
            || !migration.FirstTime(Info.Id))
        {
            return;
        }

        context.Report(context.Statement.Position,
            $"{context.Statement.Sql.Keywords} scans or rewrites {tableLock.Table.Display} while holding {tableLock.Mode.WithArticle()}, "
            + "with no statement_timeout set: nothing bounds how long it blocks",
            "Set statement_timeout at the top of the migration (long enough for the expected work), next to lock_timeout.",
            $"SET {(migration.InTransaction ? "LOCAL " : string.Empty)}statement_timeout = '15min';");
    }
}
