using DatabaseExpert.Postgres.Advisor.Internal.Sql;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Explain;
using Npgsql;

namespace DatabaseExpert.Postgres.Advisor.Internal.Verify;

/// <summary>
/// Checks the estimate against reality in one transaction that is always rolled back: time each helped query
/// (EXPLAIN ANALYZE, one warm-up run, then the median of N), build the recommended indexes (plain CREATE INDEX:
/// CONCURRENTLY cannot run in a transaction), time the queries again. Nothing survives the rollback, but while the
/// builds run they hold SHARE locks that block writes to their tables, hence the write permission this needs.
/// </summary>
internal sealed class IndexVerifier(DatabaseHandle database, AdviseRequest request)
{
    public async Task<AdviceVerification> VerifyAsync(
        IReadOnlyList<IndexToBuild> indexes, IReadOnlyList<QueryToTime> queries, CancellationToken cancellationToken)
    {
        if (indexes.Count == 0)
        {
            return new AdviceVerification(false, "nothing to verify: no index is recommended", [], []);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await LocalSettings.SetLocalAsync(connection, "statement_timeout", LocalSettings.Milliseconds(request.StatementTimeout), cancellationToken);
            await LocalSettings.SetLocalAsync(connection, "lock_timeout", LocalSettings.Milliseconds(TimeSpan.FromSeconds(5)), cancellationToken);

            var before = new Dictionary<QueryToTime, Timing>();
            foreach (var query in queries.Where(q => q.NotTimedReason is null))
            {
                before[query] = await TimeAsync(connection, transaction, query.Query.Text, cancellationToken);
            }

            var built = new List<VerifiedIndex>();
            foreach (var index in indexes)
            {
                built.Add(await BuildAsync(connection, index, cancellationToken));
            }

            var names = indexes.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            var results = new List<VerifiedQuery>();
            foreach (var query in queries)
            {
                if (!before.TryGetValue(query, out var first))
                {
                    results.Add(new VerifiedQuery(query.Query.Text, query.Query.Source, null, null, [], query.NotTimedReason));
                    continue;
                }

                var second = await TimeAsync(connection, transaction, query.Query.Text, cancellationToken);
                results.Add(new VerifiedQuery(
                    query.Query.Text,
                    query.Query.Source,
                    first.MedianMs,
                    second.MedianMs,
                    second.Indexes.Where(names.Contains).ToList(),
                    first.Error ?? second.Error));
            }

            return new AdviceVerification(true, null, built, results);
        }
        catch (PostgresException ex)
        {
            return new AdviceVerification(false, $"verification stopped: {ex.MessageText} ({ex.SqlState}); nothing was kept", [], []);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    private async Task<VerifiedIndex> BuildAsync(NpgsqlConnection connection, IndexToBuild index, CancellationToken cancellationToken)
    {
        var started = request.TimeProvider.GetTimestamp();
        await using (var create = new NpgsqlCommand(index.CreateSql, connection) { CommandTimeout = CommandTimeout })
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var buildMs = request.TimeProvider.GetElapsedTime(started).TotalMilliseconds;

        // indcheckxmin: the table has broken HOT chains, so the new index is invisible to transactions as old as this one.
        const string Sql = """
            SELECT pg_relation_size(c.oid), NOT x.indcheckxmin
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_index x ON x.indexrelid = c.oid
            WHERE n.nspname = @schema AND c.relname = @name
            """;
        await using var read = new NpgsqlCommand(Sql, connection);
        read.Parameters.AddWithValue("schema", index.Schema);
        read.Parameters.AddWithValue("name", index.Name);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new VerifiedIndex(index.Name, reader.GetInt64(0), Math.Round(buildMs, 1), reader.GetBoolean(1));
    }

    private async Task<Timing> TimeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        IReadOnlyList<string> indexes = [];
        await transaction.SaveAsync("dbx_verify", cancellationToken);
        try
        {
            for (var run = 0; run <= request.VerifyRuns; run++)
            {
                await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) {sql}", connection) { CommandTimeout = CommandTimeout };
                var plan = PlanAnalyzer.Read((string)(await command.ExecuteScalarAsync(cancellationToken))!);
                if (run > 0)
                {
                    // Run 0 warms the cache and is not counted. ANALYZE always reports the execution time.
                    times.Add(plan.ExecutionTimeMs!.Value);
                }

                indexes = plan.Root.DescendantsAndSelf().Select(n => n.IndexName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            }

            await transaction.ReleaseAsync("dbx_verify", cancellationToken);
            times.Sort();
            return new Timing(Math.Round(times[times.Count / 2], 3), indexes, null);
        }
        catch (PostgresException ex)
        {
            await transaction.RollbackAsync("dbx_verify", cancellationToken);
            return new Timing(null, indexes, $"not timed: {ex.MessageText}");
        }
    }

    private int CommandTimeout => (int)Math.Ceiling(request.StatementTimeout.TotalSeconds) + 5;

    private sealed record Timing(double? MedianMs, IReadOnlyList<string> Indexes, string? Error);
}
