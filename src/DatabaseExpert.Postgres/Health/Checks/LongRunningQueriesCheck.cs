using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Statements of this database running for long (other sessions only). They hold locks and snapshots: vacuum cannot
/// remove rows they might still see, and DDL queues behind them. dbx never cancels anything; the fix says how.
/// </summary>
internal sealed class LongRunningQueriesCheck : IHealthCheck
{
    public const string Id = "long-running-queries";

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Long-running queries",
        "Statements of other sessions in this database running longer than the threshold (they hold locks and hold back vacuum).");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var thresholds = context.Thresholds;
        var sessions = await SessionActivity.LoadAsync(context, ["active"], thresholds.LongRunningQueryWarning, cancellationToken);
        var findings = sessions.Select(s => new HealthFinding(
            s.Object,
            SessionActivity.Severity(s.QuerySeconds, thresholds.LongRunningQueryWarning, thresholds.LongRunningQueryCritical),
            $"has been running one statement for {Format.Duration(TimeSpan.FromSeconds(s.QuerySeconds))} ({s.Who}): {s.QueryLine}",
            $"SELECT pg_cancel_backend({s.Pid});  -- cancels the statement; the session stays\n"
            + $"SELECT pg_terminate_backend({s.Pid});  -- only if cancelling does not stop it: ends the session\n"
            + (s.QuotedUser is null ? string.Empty : $"-- to bound such statements: ALTER ROLE {s.QuotedUser} SET statement_timeout = '60s';"),
            s.Details(s.QuerySeconds))).ToList();

        return new CheckOutcome(
            findings.Count == 0
                ? $"no statement running longer than {Format.Duration(thresholds.LongRunningQueryWarning)}"
                : $"{findings.Count} statement(s) running longer than {Format.Duration(thresholds.LongRunningQueryWarning)}",
            findings);
    }
}
