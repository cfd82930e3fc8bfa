using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Commands;

public sealed class TraceCommandTests : IDisposable
{
    private static readonly string Shop = Path.Combine(RepositoryPaths.Root, "examples", "shop");
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(3);

    private readonly TestWorkspace _workspace = TestWorkspace.CreateEmpty();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Shop_project_from_0001_with_the_seed_prints_findings_as_json_and_exits_1()
    {
        var result = await RunAsync(["trace", Shop, "--from", "0001", "--seed", Path.Combine(Shop, "seed.sql"), "--format", "json"]);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        foreach (var field in new[] { "rule", "severity", "file", "line", "column", "message", "help" })
        {
            Assert.All(findings, f => Assert.True(f.TryGetProperty(field, out _), $"finding without {field}: {f}"));
        }

        // What the trace measured comes with its evidence (a failure to apply is reported by the server, not measured).
        Assert.All(findings.Where(f => f.GetProperty("origin").GetString() == "trace"),
            f => Assert.True(f.TryGetProperty("evidence", out _), $"trace finding without evidence: {f}"));

        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "trace-table-rewrite" && f.GetProperty("severity").GetString() == "error"
            && f.GetProperty("file").GetString()!.EndsWith("0003_order_total_bigint.sql", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "trace-migration-failed"
            && f.GetProperty("file").GetString()!.EndsWith("0002_customer_phone.sql", StringComparison.Ordinal));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((6, 1, "shadow"), (summary.GetProperty("files").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("database").GetString()));

        var rewrite = json.RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "0003_order_total_bigint").GetProperty("statements")[0];
        Assert.Contains(rewrite.GetProperty("locks").EnumerateArray(), l => l.GetProperty("relation").GetString() == "orders"
            && l.GetProperty("mode").GetString() == "AccessExclusiveLock" && l.GetProperty("dangerous").GetBoolean());
        Assert.Contains(rewrite.GetProperty("rewrites").EnumerateArray(), r => r.GetProperty("relation").GetString() == "orders");
    }

    [Fact]
    public async Task Project_last_migrations_are_traced_after_the_others_and_printed_as_a_table()
    {
        var result = await RunAsync(["trace", Shop, "--last", "3"]);

        // Without a seed the tables are empty: warnings only, and --fail-on defaults to error.
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Traced 3 migration(s) on a shadow cluster", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("after 4 history migration(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0004_reviews.sql  applied", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("AccessExclusiveLock orders", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0005_coupons.sql:9:1 warning trace-fk-without-index", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX CONCURRENTLY orders_coupon_id_idx ON orders (coupon_id);", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0003_order_total_bigint.sql  applied", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_without_options_traces_only_its_last_migration()
    {
        var result = await RunAsync(["trace", Shop, "--format", "json"]);

        using var json = JsonDocument.Parse(result.Stdout);
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("0006_backfill_order_totals", file.GetProperty("id").GetString());
    }

    [Fact]
    public async Task File_with_history_from_its_project_is_traced_on_the_schema_before_it()
    {
        var result = await RunAsync(["trace", Path.Combine(Shop, "drizzle", "0003_order_total_bigint.sql"), "--history-from", Shop, "--format", "json"]);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["trace-lock-without-timeout", "trace-table-rewrite"], rules);
    }

    [Fact]
    public async Task Warnings_pass_with_fail_on_error_and_fail_with_fail_on_warning()
    {
        _workspace.Write("m/0001_tables.sql", "CREATE TABLE items (id int PRIMARY KEY, name text);");
        _workspace.Write("m/0002_index.sql", "CREATE INDEX items_name_idx ON items (name);");

        var lenient = await RunAsync(["trace", "m"]);
        var strict = await RunAsync(["trace", "m", "--fail-on", "warning"]);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("trace-index-not-concurrent", lenient.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task Real_database_needs_its_name_confirmed_and_is_rolled_back()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("trace_cli");
        await database.ExecuteAsync("CREATE TABLE items (id int PRIMARY KEY, name text)");
        _workspace.Write("0002_index.sql", "CREATE INDEX items_name_idx ON items (name);");

        var refused = await RunAsync(["trace", "0002_index.sql", "--db", database.Url]);
        var wrongName = await RunAsync(["trace", "0002_index.sql", "--db", database.Url, "--allow-locks-on", "production"]);
        var traced = await RunAsync(["trace", "0002_index.sql", "--db", database.Url, "--allow-locks-on", database.Name, "--format", "json"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"--allow-locks-on {database.Name}", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, wrongName.ExitCode);
        Assert.Equal(0, traced.ExitCode);
        using var json = JsonDocument.Parse(traced.Stdout);
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("rolledBack").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "trace-index-not-concurrent");
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_name_idx'"));
    }

    [Theory]
    [InlineData("--last 0", "--last 0 must be at least 1")]
    [InlineData("--last 2 --all", "give one of them")]
    [InlineData("--from 9999", "no migration name starts with it")]
    [InlineData("--history-from .", "--history-from is for migration files")]
    [InlineData("--fail-on info", "use error, warning")]
    public async Task Bad_options_are_usage_errors(string options, string message)
    {
        var result = await RunAsync(["trace", Shop, .. options.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_is_a_usage_error_naming_it()
    {
        var result = await RunAsync(["trace", "nowhere/0001.sql"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere/0001.sql does not exist. Pass a project folder, a migrations folder or a .sql file.", result.Stderr, StringComparison.Ordinal);
    }

    private Task<DbxResult> RunAsync(string[] args) => DbxRunner.RunAsync(args, _workspace.Options() with { Timeout = Slow });
}
