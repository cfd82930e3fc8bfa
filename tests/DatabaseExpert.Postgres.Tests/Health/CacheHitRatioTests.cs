using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Health;
using DatabaseExpert.Postgres.Shadow;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>
/// A server whose buffer cache (2 MB) cannot hold a 10 MB table: once it has read the table from storage several
/// times over, the database and the table are reported; before that, the cold reads are not held against it.
/// </summary>
public sealed class CacheHitRatioTests
{
    [Fact]
    public async Task Table_larger_than_the_cache_read_again_and_again_is_reported_once_the_reads_exceed_its_size()
    {
        var options = new ShadowClusterOptions();
        options.Settings["shared_buffers"] = "2MB";

        // Only this test's reads may count: no background vacuum of the new table.
        options.Settings["autovacuum"] = "off";
        await using var cluster = await ShadowCluster.StartAsync(options);
        var connectionString = await cluster.CreateDatabaseAsync("cache_test");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            create table page_views (id bigint generated always as identity primary key, path text not null, at timestamptz not null);
            insert into page_views (path, at) select '/products/' || (g % 5000), timestamptz '2024-01-01' + g * interval '1 second'
            from generate_series(1, 150000) g;
            """);
        await ExecuteAsync(connection, "analyze page_views");
        await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("cache", connectionString, ReadOnly: true));

        // Start counting from here: the load's pending statistics are flushed first, or they would land after the reset.
        await ExecuteAsync(connection, "select pg_stat_force_next_flush()");
        await ExecuteAsync(connection, "select pg_stat_reset()");
        await ExecuteAsync(connection, "select count(*) from page_views; select pg_stat_force_next_flush()");
        var cold = Assert.Single((await HealthChecker.RunAsync(handle, new HealthRequest { Checks = ["cache-hit-ratio"] })).Checks);
        Assert.Equal(HealthStatus.Ok, cold.Status);
        Assert.Contains("too few reads from storage to judge yet", cold.Summary, StringComparison.Ordinal);

        for (var i = 0; i < 12; i++)
        {
            await ExecuteAsync(connection, "select count(*) from page_views");
        }

        await ExecuteAsync(connection, "select pg_stat_force_next_flush()");
        var hot = Assert.Single((await HealthChecker.RunAsync(handle, new HealthRequest { Checks = ["cache-hit-ratio"] })).Checks);

        Assert.True(hot.Status == HealthStatus.Warning, hot.Summary);
        var findings = hot.Findings.ToDictionary(f => f.Object);
        Assert.Equal(["cache_test", "public.page_views"], findings.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("heap", findings["public.page_views"].Message, StringComparison.Ordinal);
        Assert.Contains("shared_buffers is 2MB", findings["cache_test"].Fix, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
