using Npgsql;

namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>A check's connection (inside a read-only transaction with a statement timeout), the server facts and the thresholds.</summary>
internal sealed class HealthContext(NpgsqlConnection connection, NpgsqlTransaction transaction, ServerFacts server, HealthThresholds thresholds)
{
    public ServerFacts Server { get; } = server;

    public HealthThresholds Thresholds { get; } = thresholds;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>
    /// Runs an optional step (it may lack a privilege or an extension) under a savepoint, so its failure leaves the
    /// transaction usable; returns the server's error instead of the rows when it refused.
    /// </summary>
    public async Task<(IReadOnlyList<T>? Rows, PostgresException? Error)> TryQueryAsync<T>(
        string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        const string savepoint = "dbx_optional";
        await transaction.SaveAsync(savepoint, cancellationToken);
        try
        {
            var rows = await QueryAsync(sql, map, cancellationToken, parameters);
            await transaction.ReleaseAsync(savepoint, cancellationToken);
            return (rows, null);
        }
        catch (PostgresException e) when (e.SqlState != PostgresErrorCodes.QueryCanceled)
        {
            await transaction.RollbackAsync(savepoint, cancellationToken);
            return (null, e);
        }
    }

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
