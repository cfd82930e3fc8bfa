using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-migration-failed</c>: the migration did not apply: the server's error, at the line and column it points to.
/// Later files are still traced, on the schema without this one.
/// </summary>
internal sealed class MigrationFailedRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } = new(TraceRuleIds.MigrationFailed, Severity.Error, "Migration fails to apply");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        if (file.Error is not { } error)
        {
            yield break;
        }

        var failed = file.Statements.LastOrDefault(s => s.Trace.Outcome == StatementOutcome.Failed);
        yield return new Finding(
            Info.Id,
            Info.Severity,
            file.File.DisplayPath,
            error.Line,
            error.Column,
            $"the migration fails: {error.Message} (SQLSTATE {error.SqlState})",
            Help(error, file.File))
        {
            Origin = FindingOrigin.Analysis,
            Sql = failed?.Trace.Sql,
            Evidence = error.Detail,
            EndLine = failed?.Trace.EndLine,
        };
    }

    private static string Help(TraceError error, MigrationFile file) => error.SqlState switch
    {
        "23502" => "The table has rows with no value for a NOT NULL column. Add the column with a DEFAULT, or add it nullable, "
            + "backfill it, then SET NOT NULL (see trace-not-null-scan).",
        "25001" => $"This statement cannot run inside a transaction block, and the migration runs in one{TraceFindings.TransactionContext(file)}. "
            + "Put it in a migration that runs outside a transaction, alone.",
        "55P03" => "lock_timeout expired while waiting for a lock: another session held a conflicting lock. Retry at a quieter time.",
        "57014" => "The statement was cancelled (statement_timeout or dbx's time limit). On a real database, run the change in "
            + "smaller steps.",
        _ => (error.Hint is { Length: > 0 } hint ? hint + " " : string.Empty)
            + "Fix the statement; the migrations after it were traced on the schema without this one.",
    };
}
