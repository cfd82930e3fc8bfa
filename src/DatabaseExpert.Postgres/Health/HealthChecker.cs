using System.Diagnostics;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Health.Checks;
using DatabaseExpert.Postgres.Health.Internal;
using Npgsql;

namespace DatabaseExpert.Postgres.Health;

/// <summary>
/// The health operation: runs the requested checks against one database and returns a <see cref="HealthReport"/>.
/// Each check runs on its own connection inside a read-only transaction with a statement timeout; a check that
/// fails or times out becomes a finding of that check instead of failing the report.
/// </summary>
public static class HealthChecker
{
    // The client-side cancel fires a little after statement_timeout, so the server's own timeout normally wins.
    private static readonly TimeSpan ClientGrace = TimeSpan.FromSeconds(5);

    private static readonly IReadOnlyList<IHealthCheck> All =
    [
        new InvalidIndexesCheck(),
        new UnusedIndexesCheck(),
        new DuplicateIndexesCheck(),
        new RedundantIndexesCheck(),
        new UnindexedForeignKeysCheck(),
        new MissingPrimaryKeysCheck(),
        new InvalidConstraintsCheck(),
        new SequenceExhaustionCheck(),
        new BloatCheck(),
        new VacuumAnalyzeCheck(),
        new WraparoundCheck(),
        new CacheHitRatioCheck(),
        new ConnectionsCheck(),
        new LongRunningQueriesCheck(),
        new IdleInTransactionCheck(),
        new ReplicationCheck(),
        new NPlusOneCheck(),
    ];

    /// <summary>Every check, in report order.</summary>
    public static IReadOnlyList<HealthCheckInfo> Checks { get; } = [.. All.Select(c => c.Info)];

    /// <summary>Runs the checks of <paramref name="request"/> (all when it names none).</summary>
    /// <exception cref="ArgumentException">The request names a check that does not exist.</exception>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached at all.</exception>
    public static async Task<HealthReport> RunAsync(DatabaseHandle database, HealthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(request);
        var selected = Select(request.Checks);

        ServerFacts server;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            server = await ServerFacts.LoadAsync(connection, cancellationToken);
        }

        var results = new HealthCheckResult[selected.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, selected.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.MaxParallelism), CancellationToken = cancellationToken },
            async (i, token) => results[i] = await RunOneAsync(database, selected[i], server, request, token));
        return new HealthReport(server.Database, server.Version, results);
    }

    private static List<IHealthCheck> Select(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return [.. All];
        }

        var unknown = ids.Where(id => All.All(c => c.Info.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"unknown health check{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; "
                + $"known checks: {string.Join(", ", All.Select(c => c.Info.Id))}",
                nameof(ids));
        }

        return [.. All.Where(c => ids.Contains(c.Info.Id, StringComparer.Ordinal))];
    }

    private static async Task<HealthCheckResult> RunOneAsync(
        DatabaseHandle database, IHealthCheck check, ServerFacts server, HealthRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.CheckTimeout + ClientGrace);
        CheckOutcome outcome;
        try
        {
            await using var connection = await database.OpenConnectionAsync(timeout.Token);
            await using var transaction = await connection.BeginTransactionAsync(timeout.Token);
            var milliseconds = (long)Math.Max(1, request.CheckTimeout.TotalMilliseconds);
            await using (var setup = new NpgsqlCommand(
                $"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {milliseconds}; SET LOCAL lock_timeout = {Math.Min(milliseconds, 2000)}",
                connection,
                transaction))
            {
                await setup.ExecuteNonQueryAsync(timeout.Token);
            }

            outcome = await check.RunAsync(new HealthContext(connection, transaction, server, request.Thresholds), timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsCheckFailure(ex))
        {
            outcome = Failure(check, ex, request.CheckTimeout);
        }

        var findings = outcome.Findings;
        var status = findings.Count == 0 ? HealthStatus.Ok : findings.Max(f => f.Severity) switch
        {
            FindingSeverity.Critical => HealthStatus.Critical,
            FindingSeverity.Warning => HealthStatus.Warning,
            _ => HealthStatus.Ok,
        };
        return new HealthCheckResult(check.Info.Id, check.Info.Title, status, outcome.Summary, findings, Stopwatch.GetElapsedTime(started));
    }

    // A check must never take the report down: server errors, timeouts, lost connections and our own bugs all become
    // a finding. Only the caller's cancellation propagates.
    private static bool IsCheckFailure(Exception ex) => ex is not OutOfMemoryException;

    private static CheckOutcome Failure(IHealthCheck check, Exception ex, TimeSpan timeout)
    {
        var (message, fix) = ex switch
        {
            OperationCanceledException or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } =>
                ($"the check did not finish within {Format.Duration(timeout)} and was cancelled", "-- run it alone with a longer time bound: dbx health --check " + check.Info.Id + " --timeout 60"),
            PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } =>
                ("the check waited too long for a lock (a long-running DDL statement holds one)", "-- run it again once the DDL has finished"),
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg =>
                ($"the role may not read what the check needs: {pg.MessageText}", "GRANT pg_monitor TO <this role>;  -- read access to statistics and activity"),
            PostgresException pg => ($"the check failed: {pg.MessageText} (SQLSTATE {pg.SqlState})", null),
            DatabaseUnavailableException or NpgsqlException => ($"the check lost its connection: {ConnectionStrings.Redact(ex.Message)}", null),
            _ => ($"the check failed: {ex.GetType().Name}: {ex.Message}", null),
        };
        return new CheckOutcome(
            "could not run: " + message,
            [new HealthFinding(check.Info.Id, FindingSeverity.Warning, message + ".", fix, new Dictionary<string, object?> { ["error"] = ex.GetType().Name })]);
    }
}
