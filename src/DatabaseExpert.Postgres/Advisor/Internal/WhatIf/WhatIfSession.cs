using DatabaseExpert.Postgres.Advisor.Internal.Candidates;
using DatabaseExpert.Postgres.Advisor.Internal.Sql;
using DatabaseExpert.Postgres.Advisor.Internal.Workload;
using Npgsql;
using NpgsqlTypes;

namespace DatabaseExpert.Postgres.Advisor.Internal.WhatIf;

/// <summary>
/// One read-only transaction in which hypothetical indexes are added and removed and queries are planned against
/// them. hypopg keeps its indexes in the backend's memory, so everything happens on this one connection and inside
/// this one transaction (a transaction pooler such as Neon's keeps a transaction on one backend). Disposing resets
/// hypopg and rolls back.
/// </summary>
internal sealed class WhatIfSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _hypoPg;
    private readonly Dictionary<IndexCandidate, HypotheticalIndex> _active = [];
    private readonly Dictionary<IndexCandidate, long> _sizes = [];

    private WhatIfSession(NpgsqlConnection connection, NpgsqlTransaction transaction, QueryExplainer explainer, string hypoPgSchema)
    {
        _connection = connection;
        _transaction = transaction;
        Explainer = explainer;
        _hypoPg = SqlNames.Quote(hypoPgSchema);
    }

    public QueryExplainer Explainer { get; }

    /// <summary>The hypothetical indexes in place now.</summary>
    public IReadOnlyDictionary<IndexCandidate, HypotheticalIndex> Active => _active;

    public static async Task<WhatIfSession> StartAsync(
        NpgsqlConnection connection, ServerInfo server, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var explainer = new QueryExplainer(connection, server, statementTimeout);
        var session = new WhatIfSession(connection, transaction, explainer, server.HypoPgSchema!);
        try
        {
            await explainer.ExecuteAsync("SET TRANSACTION READ ONLY", cancellationToken);
            await session.SetLocalAsync("statement_timeout", LocalSettings.Milliseconds(statementTimeout), cancellationToken);
            await session.SetLocalAsync("lock_timeout", LocalSettings.Milliseconds(TimeSpan.FromSeconds(5)), cancellationToken);
            await session.SetLocalAsync("plan_cache_mode", "force_generic_plan", cancellationToken);
            await explainer.ExecuteAsync($"SELECT {session._hypoPg}.hypopg_reset()", cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public Task SetLocalAsync(string name, string value, CancellationToken cancellationToken) =>
        LocalSettings.SetLocalAsync(_connection, name, value, cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> inside a savepoint that is always rolled back: settings it changes are undone,
    /// and a statement that fails leaves the transaction usable (<paramref name="onError"/> gives the result then).
    /// </summary>
    public async Task<T> InSavepointAsync<T>(string name, Func<Task<T>> action, Func<PostgresException, T> onError, CancellationToken cancellationToken)
    {
        await _transaction.SaveAsync(name, cancellationToken);
        try
        {
            var result = await action();
            await _transaction.RollbackAsync(name, cancellationToken);
            return result;
        }
        catch (PostgresException ex)
        {
            await _transaction.RollbackAsync(name, cancellationToken);
            await Explainer.ForgetPreparedAsync(cancellationToken);
            return onError(ex);
        }
    }

    public async Task<HypotheticalIndex> AddAsync(IndexCandidate candidate, CancellationToken cancellationToken)
    {
        if (_active.TryGetValue(candidate, out var existing))
        {
            return existing;
        }

        await using var create = new NpgsqlCommand($"SELECT indexrelid, indexname FROM {_hypoPg}.hypopg_create_index(@sql)", _connection);
        create.Parameters.AddWithValue("sql", candidate.HypotheticalSql);
        uint oid;
        string name;
        await using (var reader = await create.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            oid = reader.GetFieldValue<uint>(0);
            name = reader.GetString(1);
        }

        if (!_sizes.TryGetValue(candidate, out var size))
        {
            await using var measure = new NpgsqlCommand($"SELECT {_hypoPg}.hypopg_relation_size(@oid)", _connection);
            measure.Parameters.Add(new NpgsqlParameter<uint>("oid", NpgsqlDbType.Oid) { TypedValue = oid });
            size = (long)(await measure.ExecuteScalarAsync(cancellationToken))!;
            _sizes[candidate] = size;
        }

        var index = new HypotheticalIndex(oid, name, size);
        _active[candidate] = index;
        return index;
    }

    public async Task RemoveAsync(IndexCandidate candidate, CancellationToken cancellationToken)
    {
        if (_active.Remove(candidate, out var index))
        {
            await using var drop = new NpgsqlCommand($"SELECT {_hypoPg}.hypopg_drop_index(@oid)", _connection);
            drop.Parameters.Add(new NpgsqlParameter<uint>("oid", NpgsqlDbType.Oid) { TypedValue = index.Oid });
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The candidate's estimated size, known once it has been added.</summary>
    public long SizeOf(IndexCandidate candidate) => _sizes[candidate];

    /// <summary>Plans a query against the existing and the active hypothetical indexes.</summary>
    public Task<Explain.PlanNode> PlanAsync(WorkloadQuery query, CancellationToken cancellationToken) =>
        Explainer.ExplainAsync(query, verbose: false, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // hypopg's indexes outlive the transaction: reset them inside it, while this backend is surely still ours
            // (after the rollback a transaction pooler may hand the connection to another backend).
            await Explainer.ExecuteAsync($"SELECT {_hypoPg}.hypopg_reset()", CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // An aborted transaction or a broken connection: the rollback below or the connection's end clears them.
        }

        try
        {
            await _transaction.RollbackAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Already completed, or the connection broke (and took the transaction with it).
        }

        await _transaction.DisposeAsync();
    }
}
