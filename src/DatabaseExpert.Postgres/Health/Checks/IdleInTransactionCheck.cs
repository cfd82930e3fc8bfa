using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Sessions of this database that opened a transaction and then went quiet. They keep their locks and their snapshot,
/// so vacuum cannot clean up behind them and DDL waits for them; usually an application that does slow work (an HTTP
/// call, a user prompt) between BEGIN and COMMIT, or leaks a connection mid-transaction.
/// </summary>
internal sealed class IdleInTransactionCheck : IHealthCheck
{
    public const string Id = "idle-in-transaction";

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Idle in transaction",
        "Sessions idle inside an open transaction longer than the threshold (they keep locks and stop vacuum from cleaning up).");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var thresholds = context.Thresholds;
        var sessions = await SessionActivity.LoadAsync(
            context, ["idle in transaction", "idle in transaction (aborted)"], thresholds.IdleInTransactionWarning, cancellationToken);
        var findings = sessions.Select(s => new HealthFinding(
            s.Object,
            SessionActivity.Severity(s.StateSeconds, thresholds.IdleInTransactionWarning, thresholds.IdleInTransactionCritical),
            $"has been {s.State} for {Format.Duration(TimeSpan.FromSeconds(s.StateSeconds))}"
            + (s.TransactionSeconds is { } t ? $" (transaction open for {Format.Duration(TimeSpan.FromSeconds(t))})" : string.Empty)
            + $" ({s.Who}); it holds its locks and stops vacuum from removing rows it could still see. Last statement: {s.QueryLine}",
            $"SELECT pg_terminate_backend({s.Pid});  -- ends the session and rolls its transaction back (cancel does nothing to an idle session)\n"
            + (s.QuotedUser is null ? string.Empty : $"-- to end such sessions automatically: ALTER ROLE {s.QuotedUser} SET idle_in_transaction_session_timeout = '60s';\n")
            + "-- and fix the application: no slow work (HTTP calls, user input) between BEGIN and COMMIT",
            s.Details(s.StateSeconds))).ToList();

        return new CheckOutcome(
            findings.Count == 0
                ? $"no session idle in a transaction longer than {Format.Duration(thresholds.IdleInTransactionWarning)}"
                : $"{findings.Count} session(s) idle in a transaction longer than {Format.Duration(thresholds.IdleInTransactionWarning)}",
            findings);
    }
}
