using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Safety;
using DatabaseExpert.Postgres.Shadow;
using Npgsql;

namespace DatabaseExpert.Benchmarks;

/// <summary>
/// What the guard costs per statement: <see cref="SafeExecutor"/> (classify, BEGIN READ ONLY + SET LOCAL timeouts,
/// the statement, ROLLBACK, text values converted to JSON) against the same statement sent with plain Npgsql on a
/// pooled connection, on a local shadow cluster. Over a network each extra round trip adds the link's latency.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SafeExecutorBenchmarks
{
    private const string Rows1000 = "SELECT id, name, price, created_at, tags FROM bench_rows ORDER BY id";

    private ShadowCluster _cluster = null!;
    private DatabaseHandle _handle = null!;
    private NpgsqlDataSource _plain = null!;
    private SafeExecutor _executor = null!;

    [GlobalSetup]
    public async Task StartCluster()
    {
        _cluster = await ShadowCluster.StartAsync();
        await using (var setup = NpgsqlDataSource.Create(_cluster.ConnectionString))
        {
            await using var command = setup.CreateCommand("""
                CREATE TABLE bench_rows AS
                SELECT g AS id, md5(g::text) AS name, (g * 1.25)::numeric(10,2) AS price,
                       timestamptz '2024-01-01' + g * interval '1 minute' AS created_at, ARRAY['a', 'b', g::text] AS tags
                FROM generate_series(1, 1000) g;
                ANALYZE bench_rows;
                """);
            await command.ExecuteNonQueryAsync();
        }

        _handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("bench", _cluster.ConnectionString, ReadOnly: true));
        _executor = new SafeExecutor(_handle, new SafeExecutorOptions { MaxRows = 1000 });
        _plain = NpgsqlDataSource.Create(_cluster.ConnectionString);
    }

    [GlobalCleanup]
    public async Task StopCluster()
    {
        await _plain.DisposeAsync();
        await _handle.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SELECT 1")]
    public async Task<object?> PlainNpgsqlSelect1()
    {
        await using var connection = await _plain.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync();
    }

    [Benchmark]
    [BenchmarkCategory("SELECT 1")]
    public async Task<int> SafeExecutorSelect1() => (await _executor.ExecuteAsync(new QueryRequest("SELECT 1"))).RowCount;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("1,000 rows")]
    public async Task<int> PlainNpgsqlRows1000()
    {
        await using var connection = await _plain.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Rows1000, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        var rows = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    [Benchmark]
    [BenchmarkCategory("1,000 rows")]
    public async Task<int> SafeExecutorRows1000() => (await _executor.ExecuteAsync(new QueryRequest(Rows1000))).RowCount;

    [Benchmark]
    [BenchmarkCategory("classify only")]
    public SqlAccess ClassifyOnly() => SqlClassifier.Classify(Rows1000).Access;
}
