using DatabaseExpert.Postgres.Advisor.Internal.Workload;
using DatabaseExpert.Postgres.Explain;
using Npgsql;

namespace DatabaseExpert.Postgres.Advisor.Internal.WhatIf;

/// <summary>
/// Plans workload queries with plain EXPLAIN (never ANALYZE: nothing runs). A query with <c>$n</c> parameters (what
/// pg_stat_statements records) gets a generic plan: <c>EXPLAIN (GENERIC_PLAN)</c> from PostgreSQL 16, before that
/// <c>PREPARE</c> + <c>EXPLAIN EXECUTE stmt(NULL, …)</c> under <c>plan_cache_mode = force_generic_plan</c> (set by
/// <see cref="WhatIfSession"/>), all inside the caller's transaction so that it also works through a transaction pooler.
/// </summary>
internal sealed class QueryExplainer(NpgsqlConnection connection, ServerInfo server, TimeSpan statementTimeout)
{
    private const string StatementName = "dbx_advise";

    private bool _prepared;

    /// <summary>How many plans were made, for the result's statistics.</summary>
    public int PlansMade { get; private set; }

    public async Task<PlanNode> ExplainAsync(WorkloadQuery query, bool verbose, CancellationToken cancellationToken)
    {
        PlansMade++;
        var options = verbose ? "VERBOSE, FORMAT JSON" : "FORMAT JSON";
        if (query.ParameterCount == 0)
        {
            return PlanAnalyzer.Read(await ScalarAsync($"EXPLAIN ({options}) {query.Text}", cancellationToken)).Root;
        }

        if (server.VersionNumber >= 160000)
        {
            return PlanAnalyzer.Read(await ScalarAsync($"EXPLAIN (GENERIC_PLAN, {options}) {query.Text}", cancellationToken)).Root;
        }

        await ExecuteAsync($"PREPARE {StatementName} AS {query.Text}", cancellationToken);
        _prepared = true;
        var arguments = string.Join(", ", Enumerable.Repeat("NULL", query.ParameterCount));
        var json = await ScalarAsync($"EXPLAIN ({options}) EXECUTE {StatementName}({arguments})", cancellationToken);
        await ForgetPreparedAsync(cancellationToken);
        return PlanAnalyzer.Read(json).Root;
    }

    /// <summary>
    /// After a failed EXPLAIN was rolled back to a savepoint: prepared statements are not transactional, so one
    /// prepared before the failure is still there and is deallocated here.
    /// </summary>
    public async Task ForgetPreparedAsync(CancellationToken cancellationToken)
    {
        if (_prepared)
        {
            await ExecuteAsync($"DEALLOCATE {StatementName}", cancellationToken);
            _prepared = false;
        }
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // The server's statement_timeout ends a slow statement; the client waits a little longer so it sees that error.
    private NpgsqlCommand Command(string sql) => new(sql, connection)
    {
        CommandTimeout = (int)Math.Ceiling(statementTimeout.TotalSeconds) + 5,
    };
}
