using System.Globalization;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Explain.Internal;
using Npgsql;
using NpgsqlTypes;

namespace DatabaseExpert.Postgres.Explain;

/// <summary>
/// EXPLAIN for one statement: the entry point the CLI, the agent and MCP share. Everything runs in one transaction
/// that is always rolled back — read-only unless ANALYZE runs a data-changing statement the caller allowed — with
/// statement and lock timeouts set locally. The statement text reaches the server as a single protocol message,
/// so the server refuses a second statement even if one slipped past the policy.
/// </summary>
public static class ExplainRunner
{
    /// <summary>First PostgreSQL version with <c>EXPLAIN (GENERIC_PLAN)</c>.</summary>
    public const int GenericPlanOptionVersion = 16;

    private static readonly TimeSpan MaxLockWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan IdleInTransactionGrace = TimeSpan.FromSeconds(60);

    /// <exception cref="ExplainException">Refused by the policy, an invalid request, or an error from PostgreSQL.</exception>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached.</exception>
    public static Task<ExplainResult> ExplainAsync(DatabaseHandle handle, ExplainRequest request, CancellationToken cancellationToken = default) =>
        ExplainAsync(handle, request, ExplainPolicy.Decide, cancellationToken);

    /// <summary>With another policy: a deliberately wrong one in tests shows that the server refuses what slips past.</summary>
    internal static async Task<ExplainResult> ExplainAsync(
        DatabaseHandle handle, ExplainRequest request, Func<string, ExplainRequest, StatementDecision> policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Timeout <= TimeSpan.Zero)
        {
            throw new ExplainException($"the timeout must be positive (got {request.Timeout})", ExplainErrorKind.InvalidRequest);
        }

        var decision = policy(request.Sql ?? string.Empty, request);
        var settings = PlannerSettings.Validate(request.SessionSettings);
        var writes = request.Analyze && decision.ChangesData;

        await using var connection = await handle.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ConfigureAsync(connection, readOnly: !writes, request, settings, cancellationToken);
            var json = await RunExplainAsync(connection, request, decision, cancellationToken);
            var document = PlanJsonReader.Read(json);
            var environment = await PlanEnvironmentReader.ReadAsync(connection, document.Root, cancellationToken);
            return PlanAnalyzer.Analyze(document, environment) with { GenericPlan = decision.GenericPlan, ChangeReason = decision.ChangeReason };
        }
        finally
        {
            // Whatever ANALYZE did is undone here, on success and on failure alike.
            await RollBackAsync(transaction);
        }
    }

    private static async Task ConfigureAsync(
        NpgsqlConnection connection, bool readOnly, ExplainRequest request, IReadOnlyList<KeyValuePair<string, string>> settings, CancellationToken cancellationToken)
    {
        // SET TRANSACTION must come first in the transaction; everything else is SET LOCAL, gone at rollback. A write is
        // never forced READ WRITE: a role or database that defaults to read-only transactions keeps refusing it.
        if (readOnly)
        {
            await ExecuteAsync(connection, "SET TRANSACTION READ ONLY", cancellationToken);
        }

        var all = new List<KeyValuePair<string, string>>
        {
            new("statement_timeout", Milliseconds(request.Timeout)),
            new("lock_timeout", Milliseconds(request.Timeout < MaxLockWait ? request.Timeout : MaxLockWait)),
            new("idle_in_transaction_session_timeout", Milliseconds(request.Timeout + IdleInTransactionGrace)),
        };
        all.AddRange(settings);
        await using var command = new NpgsqlCommand(
            "select " + string.Join(", ", all.Select((_, i) => $"set_config(@n{i}, @v{i}, true)")), connection);
        for (var i = 0; i < all.Count; i++)
        {
            command.Parameters.AddWithValue($"n{i}", all[i].Key);
            command.Parameters.AddWithValue($"v{i}", all[i].Value);
        }

        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new ExplainException($"a setting was refused by the server: {ex.MessageText} [{ex.SqlState}]", ExplainErrorKind.InvalidRequest, ex);
        }
    }

    private static async Task<string> RunExplainAsync(
        NpgsqlConnection connection, ExplainRequest request, StatementDecision decision, CancellationToken cancellationToken)
    {
        var genericOption = decision.GenericPlan && connection.PostgreSqlVersion.Major >= GenericPlanOptionVersion;
        var options = Options(request, genericOption);
        if (decision.GenericPlan && !genericOption)
        {
            return await ExplainPreparedAsync(connection, request, decision, options, cancellationToken);
        }

        var prefix = $"EXPLAIN ({options}) ";
        return await ScalarAsync(connection, prefix + request.Sql, request.Parameters, request, prefix.Length, cancellationToken);
    }

    /// <summary>
    /// Before PostgreSQL 16 a generic plan comes from a prepared statement forced to plan generically, executed with NULLs
    /// (the NULLs are never used: the plan does not depend on the values). Prepared statements outlive a rollback, so it
    /// is deallocated inside the transaction, after a savepoint has undone any failure.
    /// </summary>
    private static async Task<string> ExplainPreparedAsync(
        NpgsqlConnection connection, ExplainRequest request, StatementDecision decision, string options, CancellationToken cancellationToken)
    {
        var name = $"dbx_explain_{Guid.NewGuid():N}";
        await ExecuteAsync(connection, "select set_config('plan_cache_mode', 'force_generic_plan', true)", cancellationToken);
        var prepare = $"PREPARE {name} AS ";
        await ScalarAsync(connection, prepare + request.Sql, null, request, prepare.Length, cancellationToken);
        await ExecuteAsync(connection, "SAVEPOINT dbx_explain", cancellationToken);
        try
        {
            var nulls = string.Join(", ", Enumerable.Repeat("NULL", decision.ParameterCount));
            return await ScalarAsync(connection, $"EXPLAIN ({options}) EXECUTE {name}({nulls})", null, request, int.MaxValue, cancellationToken);
        }
        catch (ExplainException)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT dbx_explain", CancellationToken.None);
            throw;
        }
        finally
        {
            await DeallocateAsync(connection, name);
        }
    }

    private static string Options(ExplainRequest request, bool genericPlan)
    {
        var options = new List<string>();
        if (request.Analyze)
        {
            options.Add("ANALYZE");
        }

        if (request.Buffers)
        {
            options.Add("BUFFERS");
        }

        if (request.Settings)
        {
            options.Add("SETTINGS");
        }

        if (request.Verbose)
        {
            options.Add("VERBOSE");
        }

        if (genericPlan)
        {
            options.Add("GENERIC_PLAN");
        }

        options.Add("FORMAT JSON");
        return string.Join(", ", options);
    }

    /// <summary>
    /// Sends one statement as one batch command: Npgsql passes batch command text through untouched (no splitting at
    /// semicolons), so the server sees a single extended-protocol Parse and rejects anything holding two statements.
    /// </summary>
    private static async Task<string> ScalarAsync(
        NpgsqlConnection connection,
        string text,
        IReadOnlyList<string?>? parameters,
        ExplainRequest request,
        int prefixLength,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = (int)Math.Ceiling(request.Timeout.TotalSeconds) + 10 };
        var command = new NpgsqlBatchCommand(text);
        foreach (var value in parameters ?? [])
        {
            // Untyped text: the server infers each parameter's type from the statement, as psql would.
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown });
        }

        batch.BatchCommands.Add(command);
        try
        {
            return await batch.ExecuteScalarAsync(cancellationToken) as string ?? string.Empty;
        }
        catch (PostgresException ex)
        {
            throw ServerErrors.Map(ex, request.Sql, prefixLength, request.Timeout);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DeallocateAsync(NpgsqlConnection connection, string name)
    {
        try
        {
            await ExecuteAsync(connection, $"DEALLOCATE {name}", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // Only after a cancelled or broken connection; the pool's session reset (DISCARD ALL) drops it then.
        }
    }

    private static async Task RollBackAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection broke: the server rolls the transaction back when the session ends.
        }
    }

    private static string Milliseconds(TimeSpan span) => ((long)Math.Ceiling(span.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
}
