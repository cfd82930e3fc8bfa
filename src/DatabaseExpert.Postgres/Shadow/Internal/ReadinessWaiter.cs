using Npgsql;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// Waits for a freshly launched server by polling every few milliseconds (pg_ctl -w polls far more coarsely): the pid
/// file's status first, then a real connection. Fails fast when the server exits, with the reason from its log.
/// </summary>
internal static class ReadinessWaiter
{
    private const string CannotConnectNow = "57P03";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static async Task<ReadinessOutcome> WaitAsync(
        ClusterInstance instance,
        string probeConnectionString,
        long logOffset,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        int? seenPid = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pidFile = PostmasterPidFile.TryRead(instance.DataDirectory);
            if (pidFile is not null)
            {
                seenPid = pidFile.ProcessId;
                if (pidFile.IsReady && await CanConnectAsync(probeConnectionString, cancellationToken) is { } connected)
                {
                    return connected ? ReadinessOutcome.Ready(pidFile.ProcessId) : ReadinessOutcome.Failed("the server refused connections");
                }
            }

            var exited = seenPid is int pid ? !ProcessState.IsRunning(pid) : pidFile is null && ServerGaveUp(instance, logOffset);
            if (exited)
            {
                var log = ServerLog.ReadFrom(instance.LogPath, logOffset);
                return log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                    || log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
                        ? ReadinessOutcome.PortTaken()
                        : ReadinessOutcome.Failed("the server exited during start-up");
            }

            if (timeProvider.GetElapsedTime(started) > timeout)
            {
                return ReadinessOutcome.Failed($"the server did not accept connections within {timeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }
    }

    /// <summary>True once connected; null while the server is not there yet; false when it answers with a hard error.</summary>
    private static async Task<bool?> CanConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (!string.Equals(e.SqlState, CannotConnectNow, StringComparison.Ordinal))
        {
            return false;
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>Before writing its pid file a server can only fail on configuration; that leaves a FATAL line.</summary>
    private static bool ServerGaveUp(ClusterInstance instance, long logOffset)
    {
        var log = ServerLog.ReadFrom(instance.LogPath, logOffset);
        return log.Contains("FATAL:", StringComparison.Ordinal) || log.Contains("PANIC:", StringComparison.Ordinal);
    }
}
