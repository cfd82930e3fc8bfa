using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Commands;

/// <summary><c>dbx explain</c>: options, exit codes, the text tree and the JSON shape of docs/cli.md.</summary>
public sealed class ExplainCommandTests : IAsyncLifetime, IDisposable
{
    private const string GiftOrders = "select id, created_at from orders where notes = 'gift wrap please'";

    private readonly TestWorkspace _workspace = TestWorkspace.Create();
    private TestDatabase _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopDatabase.CreateAsync("cli_explain");

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Text_shows_the_plan_as_a_tree_with_bars_then_the_insights_with_fixes()
    {
        var result = await RunAsync(
            "explain", "--sql", "select o.id, c.email from orders o join customers c on c.id = o.customer_id where o.notes = 'gift wrap please'",
            "--analyze", "--set", "max_parallel_workers_per_gather=0");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("EXPLAIN ANALYZE", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Hash Join", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("├─ ", StringComparison.Ordinal) || l.Contains("└─ ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains('█', StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Seq Scan on orders o ◀ seq-scan-selective-filter", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("filter (", StringComparison.Ordinal) && l.Contains("notes = 'gift wrap please'::text)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Insights (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == "fix: CREATE INDEX CONCURRENTLY ON public.orders (notes);");
    }

    [Fact]
    public async Task Json_has_the_servers_plan_the_insights_and_the_totals()
    {
        var result = await RunAsync("explain", "--sql", GiftOrders, "--format", "json", "--set", "max_parallel_workers_per_gather=0");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal("Seq Scan", root.GetProperty("plan")[0].GetProperty("Plan").GetProperty("Node Type").GetString());
        Assert.Equal(root.GetProperty("plan")[0].GetProperty("Plan").GetProperty("Total Cost").GetDouble(), root.GetProperty("totalCost").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("executionTimeMs").ValueKind);
        Assert.False(root.GetProperty("analyzed").GetBoolean());
        var insight = root.GetProperty("insights").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "seq-scan-selective-filter");
        Assert.Equal("warning", insight.GetProperty("severity").GetString());
        Assert.Equal("1", insight.GetProperty("node").GetProperty("id").GetString());
        Assert.Equal("Seq Scan", insight.GetProperty("node").GetProperty("type").GetString());
        Assert.Equal("orders", insight.GetProperty("node").GetProperty("relation").GetString());
        Assert.False(string.IsNullOrEmpty(insight.GetProperty("message").GetString()));
        Assert.Equal("CREATE INDEX CONCURRENTLY ON public.orders (notes);", insight.GetProperty("fix").GetString());
        Assert.Equal(["notes"], insight.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("1", root.GetProperty("nodes")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Analyze_in_json_reports_execution_time()
    {
        var result = await RunAsync("explain", "--sql", "select count(*) from orders", "--analyze", "--buffers", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.True(document.RootElement.GetProperty("executionTimeMs").GetDouble() > 0);
        Assert.True(document.RootElement.GetProperty("analyzed").GetBoolean());
    }

    [Fact]
    public async Task The_statement_can_come_from_a_file_or_stdin()
    {
        _workspace.Write("queries/one.sql", "-- the customer's recent orders\nselect * from orders\nwhere customer_id = $1\n");

        var fromFile = await RunAsync("explain", "--file", "queries/one.sql");
        var fromStdin = await DbxRunner.RunAsync(
            ["explain", "--file", "-", "--db", _shop.Url], _workspace.Options(stdin: "select * from orders where customer_id = $1"));

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.Contains("generic plan", fromFile.Stdout, StringComparison.Ordinal);
        Assert.True(fromStdin.ExitCode == 0, fromStdin.ToString());
        Assert.Contains("generic plan", fromStdin.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placeholder_values_and_settings_reach_the_explain()
    {
        var result = await RunAsync(
            "explain", "--sql", "select * from orders where customer_id = $1 order by notes", "--param", "42", "--analyze", "--settings",
            "--set", "work_mem=64kB", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.False(document.RootElement.GetProperty("genericPlan").GetBoolean());
        Assert.Equal("64kB", document.RootElement.GetProperty("settings").GetProperty("work_mem").GetString());
    }

    [Fact]
    public async Task Analyze_of_a_delete_on_a_read_only_database_is_refused_with_exit_2()
    {
        var before = await _shop.ScalarAsync<long>("select count(*) from reviews");

        var result = await RunAsync("explain", "--sql", "delete from reviews", "--analyze");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("dbx: EXPLAIN ANALYZE executes the statement", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--db shadow", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await _shop.ScalarAsync<long>("select count(*) from reviews"));
    }

    [Theory]
    [InlineData(new[] { "explain" }, "no statement given")]
    [InlineData(new[] { "explain", "--sql", "select 1", "--file", "x.sql" }, "either with --sql or with --file")]
    [InlineData(new[] { "explain", "--file", "missing.sql" }, "--file missing.sql: cannot read")]
    [InlineData(new[] { "explain", "--sql", "select 1; select 2" }, "exactly one statement")]
    [InlineData(new[] { "explain", "--sql", "select 1", "--set", "work_mem" }, "--set 'work_mem' is not name=value")]
    [InlineData(new[] { "explain", "--sql", "select 1", "--set", "role=postgres" }, "the setting 'role' cannot be changed")]
    [InlineData(new[] { "explain", "--sql", "select 1", "--fail-on", "loud" }, "--fail-on 'loud' is not a severity")]
    [InlineData(new[] { "explain", "--sql", "select id\nfrom nowhere" }, "at line 2, column 6: relation \"nowhere\" does not exist")]
    public async Task Bad_input_is_a_usage_error_that_says_what_to_fix(string[] args, string message)
    {
        var result = await RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_turns_insights_at_or_above_the_severity_into_exit_1()
    {
        var warning = await RunAsync("explain", "--sql", GiftOrders, "--fail-on", "warning");
        var critical = await RunAsync("explain", "--sql", GiftOrders, "--fail-on", "critical");

        Assert.True(warning.ExitCode == 1, warning.ToString());
        Assert.True(critical.ExitCode == 0, critical.ToString());
    }

    [Fact]
    public async Task An_unreachable_database_exits_3()
    {
        var result = await DbxRunner.RunAsync(
            ["explain", "--sql", "select 1", "--db", "postgres://nobody:secret-pw@127.0.0.1:1/none?connect_timeout=2"], _workspace.Options());

        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain("secret-pw", result.Stderr, StringComparison.Ordinal);
    }

    private Task<DbxResult> RunAsync(params string[] args) =>
        DbxRunner.RunAsync([.. args, "--db", _shop.Url], _workspace.Options());
}
