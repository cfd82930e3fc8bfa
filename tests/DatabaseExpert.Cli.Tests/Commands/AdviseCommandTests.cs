using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Commands;

public sealed class AdviseCommandTests : IAsyncLifetime, IDisposable
{
    // Line 1 is served by the primary key; lines 2 and 3 need the foreign-key index this class drops.
    private const string Workload = """
        SELECT * FROM orders WHERE id = 42;
        SELECT oi.order_id, oi.quantity FROM order_items oi WHERE oi.product_id = 42;
        SELECT i.order_id FROM order_items i JOIN products p ON p.id = i.product_id WHERE p.sku = 'SKU-004321';
        """;

    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(3);

    private readonly TestWorkspace _workspace = TestWorkspace.Create();
    private TestDatabase? _shop;

    private TestDatabase Shop => _shop ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        _shop = await ShopDatabase.CreateAsync("advise_cli");
        await _shop.ExecuteAsync("drop index order_items_product_id_idx");
        await _shop.CreateHypoPgAsync();
        _workspace.Write("workload.sql", Workload);
    }

    public async Task DisposeAsync()
    {
        if (_shop is not null)
        {
            await _shop.DisposeAsync();
        }
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Json_has_the_documented_shape()
    {
        var result = await RunAsync("advise", "--workload", "workload.sql", "--format", "json", "--db", Shop.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.True(root.GetProperty("workloadCostAfter").GetDouble() < root.GetProperty("workloadCostBefore").GetDouble() / 2);
        var recommendation = Assert.Single(root.GetProperty("recommendations").EnumerateArray());
        Assert.Equal("order_items", recommendation.GetProperty("table").GetString());
        Assert.Equal("product_id", recommendation.GetProperty("columns")[0].GetString());
        Assert.StartsWith("CREATE INDEX CONCURRENTLY order_items_product_id", recommendation.GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.True(recommendation.GetProperty("estimatedSizeBytes").GetInt64() > 0);
        Assert.True(recommendation.GetProperty("costAfter").GetDouble() < recommendation.GetProperty("costBefore").GetDouble());
        Assert.Equal(
            ["workload.sql:2", "workload.sql:3"],
            recommendation.GetProperty("queries").EnumerateArray().Select(q => q.GetProperty("source").GetString()));
        Assert.Equal(3, root.GetProperty("queries").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("verification").ValueKind);
    }

    [Fact]
    public async Task Text_lists_the_statements_to_run()
    {
        var result = await RunAsync("advise", "--workload", "workload.sql", "--db", Shop.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1. CREATE INDEX CONCURRENTLY order_items_product_id", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("workload.sql:2:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("estimated workload cost", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_on_a_read_only_database_needs_permission_and_then_shows_real_timings()
    {
        var refused = await RunAsync("advise", "--workload", "workload.sql", "--verify", "--db", Shop.Url);
        var allowed = await RunAsync("advise", "--workload", "workload.sql", "--verify", "--allow-writes", "--format", "json", "--db", Shop.Url);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--allow-writes", refused.Stderr, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        using var document = JsonDocument.Parse(allowed.Stdout);
        var verification = document.RootElement.GetProperty("verification");
        Assert.True(verification.GetProperty("performed").GetBoolean());
        Assert.All(verification.GetProperty("queries").EnumerateArray(), q =>
            Assert.True(q.GetProperty("afterMs").GetDouble() < q.GetProperty("beforeMs").GetDouble(), q.ToString()));
    }

    [Theory]
    [InlineData("--workload missing.sql", "--workload missing.sql: no such file")]
    [InlineData("--workload workload.sql --top 5", "--top applies to pg_stat_statements")]
    [InlineData("--top 0", "--top 0 is out of range")]
    [InlineData("--budget-mb 0 --workload workload.sql", "--budget-mb 0 must be more than 0")]
    [InlineData("--allow-writes --workload workload.sql", "--allow-writes only matters with --verify")]
    public async Task Bad_options_are_usage_errors(string options, string message)
    {
        var result = await RunAsync(["advise", .. options.Split(' '), "--db", Shop.Url]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_without_hypopg_gets_the_statement_to_run_and_exit_2()
    {
        await using var plain = await PostgresServer.CreateDatabaseAsync("advise_cli_plain");

        var result = await RunAsync("advise", "--workload", "workload.sql", "--db", plain.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CREATE EXTENSION hypopg", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_a_runtime_error()
    {
        var result = await RunAsync("advise", "--workload", "workload.sql", "--db", "postgres://nobody:secret@127.0.0.1:1/none");

        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain("secret", result.Stderr, StringComparison.Ordinal);
    }

    private Task<DbxResult> RunAsync(params string[] args) =>
        DbxRunner.RunAsync(args, _workspace.Options() with { Timeout = Slow });
}
