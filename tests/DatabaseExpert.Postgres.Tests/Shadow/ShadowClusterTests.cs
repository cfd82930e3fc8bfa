using DatabaseExpert.Postgres.Shadow;
using DatabaseExpert.Postgres.Shadow.Internal;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Shadow;

public sealed class ShadowClusterTests
{
    [Fact]
    public async Task StartAsync_ServesQueries_AndDisposeRemovesDirectoryAndStopsServer()
    {
        using var directory = new ShadowTestDirectory();
        var cluster = await ShadowCluster.StartAsync(directory.Options());
        var pid = cluster.ServerProcessId;
        var clusterDirectory = cluster.ClusterDirectory;

        Assert.True(ProcessState.IsRunning(pid));
        Assert.StartsWith(directory.Clusters, clusterDirectory, StringComparison.Ordinal);
        Assert.Contains($"PostgreSQL {cluster.Version}", await ScalarAsync<string>(cluster.ConnectionString, "SELECT version()"),
            StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", await ScalarAsync<string>(cluster.ConnectionString, "SHOW listen_addresses"));
        Assert.Equal("off", await ScalarAsync<string>(cluster.ConnectionString, "SHOW fsync"));
        Assert.Equal(cluster.Port, int.Parse(await ScalarAsync<string>(cluster.ConnectionString, "SHOW port"),
            System.Globalization.CultureInfo.InvariantCulture));

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(clusterDirectory));
        Assert.False(ProcessState.IsRunning(pid));
        Assert.True(cluster.IsDisposed);
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task TwoClusters_RunSideBySide_OnDifferentPortsWithSeparateData()
    {
        using var directory = new ShadowTestDirectory();
        var started = await Task.WhenAll(ShadowCluster.StartAsync(directory.Options()), ShadowCluster.StartAsync(directory.Options()));
        await using var first = started[0];
        await using var second = started[1];

        await ExecuteAsync(first.ConnectionString, "CREATE TABLE only_in_first (id int)");

        Assert.NotEqual(first.Port, second.Port);
        Assert.NotEqual(first.DataDirectory, second.DataDirectory);
        Assert.Equal(1L, await ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
        Assert.Equal(0L, await ScalarAsync<long>(second.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
    }

    [Fact]
    public async Task CreateDatabaseAsync_FromTemplate_CopiesItsContent()
    {
        using var directory = new ShadowTestDirectory();
        await using var cluster = await ShadowCluster.StartAsync(directory.Options());

        var source = await cluster.CreateDatabaseAsync("shop template");
        await ExecuteAsync(source, "CREATE TABLE orders (id int); INSERT INTO orders VALUES (1), (2)");
        var copy = await cluster.CreateDatabaseAsync("shop_copy", template: "shop template");

        Assert.Equal("shop_copy", await ScalarAsync<string>(copy, "SELECT current_database()"));
        Assert.Equal(2L, await ScalarAsync<long>(copy, "SELECT count(*) FROM orders"));

        await cluster.DropDatabaseAsync("shop_copy");
        Assert.Equal(0L, await ScalarAsync<long>(cluster.ConnectionString, "SELECT count(*) FROM pg_database WHERE datname = 'shop_copy'"));
    }

    [Fact]
    public async Task Url_NamesHostPortUserAndDatabase()
    {
        using var directory = new ShadowTestDirectory();
        await using var cluster = await ShadowCluster.StartAsync(directory.Options());

        var url = new Uri(cluster.GetUrl("my db"));

        Assert.Equal("postgres", url.Scheme);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal(cluster.Port, url.Port);
        Assert.Equal("postgres", url.UserInfo);
        Assert.Equal("/my%20db", url.AbsolutePath);
        Assert.StartsWith("postgres://postgres@127.0.0.1:", cluster.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extensions_HypoPgAndPgStatStatements_AreUsable()
    {
        using var directory = new ShadowTestDirectory();
        await using var cluster = await ShadowCluster.StartAsync(directory.Options());
        var cs = cluster.ConnectionString;

        await ExecuteAsync(cs, "CREATE EXTENSION hypopg; CREATE EXTENSION pg_stat_statements");
        await ExecuteAsync(cs, "CREATE TABLE items (id int, sku text); INSERT INTO items SELECT g, 'sku' || g FROM generate_series(1, 10000) g; ANALYZE items");

        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("SELECT indexname FROM hypopg_create_index('CREATE INDEX ON items (sku)')", connection))
        {
            var indexName = (string)(await create.ExecuteScalarAsync())!;
            await using var explain = new NpgsqlCommand("EXPLAIN SELECT * FROM items WHERE sku = 'sku42'", connection);
            var plan = string.Join('\n', await ReadAllAsync(explain));
            Assert.Contains(indexName, plan, StringComparison.Ordinal);
        }

        Assert.Contains("pg_stat_statements", await ScalarAsync<string>(cs, "SHOW shared_preload_libraries"), StringComparison.Ordinal);
        Assert.True(await ScalarAsync<long>(cs, "SELECT count(*) FROM pg_stat_statements WHERE query LIKE '%FROM items%'") > 0);
    }

    [Fact]
    public async Task StartAsync_AppliesExtraSettings()
    {
        using var directory = new ShadowTestDirectory();
        var options = directory.Options();
        options.Settings["work_mem"] = "7MB";
        options.Settings["application_name"] = "it's dbx";
        await using var cluster = await ShadowCluster.StartAsync(options);

        Assert.Equal("7MB", await ScalarAsync<string>(cluster.ConnectionString, "SHOW work_mem"));
    }

    [Fact]
    public async Task StartAsync_ServerRefusesSetting_FailsWithLogTailAndLeavesNothingBehind()
    {
        using var directory = new ShadowTestDirectory();
        var options = directory.Options();
        options.Settings["shared_buffers"] = "lots";

        var error = await Assert.ThrowsAsync<ShadowClusterException>(() => ShadowCluster.StartAsync(options));

        Assert.Equal(ShadowClusterErrorKind.StartFailed, error.Kind);
        Assert.Contains("Last lines of the server log", error.Message, StringComparison.Ordinal);
        Assert.Contains("shared_buffers", error.Message, StringComparison.Ordinal);
        Assert.Empty(directory.ClusterDirectories());
    }

    [Fact]
    public async Task StartAsync_InvalidSettingName_IsRejectedBeforeAnythingRuns()
    {
        var options = new ShadowClusterOptions();
        options.Settings["work_mem = 1; x"] = "1";

        var error = await Assert.ThrowsAsync<ShadowClusterException>(() => ShadowCluster.StartAsync(options));

        Assert.Equal(ShadowClusterErrorKind.InvalidOptions, error.Kind);
        Assert.Contains("work_mem = 1; x", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port")]
    [InlineData("Listen_Addresses")]
    [InlineData("shared_preload_libraries")]
    public async Task StartAsync_SettingTheClusterOwns_IsRejected(string name)
    {
        var options = new ShadowClusterOptions();
        options.Settings[name] = "x";

        var error = await Assert.ThrowsAsync<ShadowClusterException>(() => ShadowCluster.StartAsync(options));

        Assert.Equal(ShadowClusterErrorKind.InvalidOptions, error.Kind);
        Assert.Contains($"'{name}' is managed by the shadow cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_Cancelled_CreatesNothing()
    {
        using var directory = new ShadowTestDirectory();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ShadowCluster.StartAsync(directory.Options(), new CancellationToken(canceled: true)));

        Assert.Empty(directory.ClusterDirectories());
    }

    [Fact]
    public async Task StartAsync_ServiceUserMissing_FailsClearlyWhenRoot()
    {
        using var directory = new ShadowTestDirectory();
        var options = directory.Options();
        options.ServiceUser = "dbx-no-such-user";

        if (Libc.IsRoot)
        {
            var error = await Assert.ThrowsAsync<ShadowClusterException>(() => ShadowCluster.StartAsync(options));
            Assert.Equal(ShadowClusterErrorKind.NoUnprivilegedUser, error.Kind);
            Assert.Contains("PostgreSQL refuses to run as root", error.Message, StringComparison.Ordinal);
        }
        else
        {
            // Not root: the service user is never needed.
            await using var cluster = await ShadowCluster.StartAsync(options);
            Assert.True(cluster.ServerProcessId > 0);
        }
    }

    [Fact]
    public async Task StartAsync_ReportsWhereTheTimeWent()
    {
        using var directory = new ShadowTestDirectory();
        await using var cluster = await ShadowCluster.StartAsync(directory.Options());

        var startup = cluster.Startup;
        Assert.True(startup.ServerStart > TimeSpan.Zero);
        Assert.True(startup.Copy > TimeSpan.Zero);
        Assert.True(startup.Total >= startup.Template + startup.Copy + startup.ServerStart);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ReadAllAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
