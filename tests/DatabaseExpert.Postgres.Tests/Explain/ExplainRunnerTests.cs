using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Explain;
using DatabaseExpert.Postgres.Explain.Internal;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Explain;

/// <summary>
/// The runner against a real server: plain and ANALYZE, the write rules, generic plans, errors. One pooled connection
/// without session reset, so a test can see what an earlier EXPLAIN left on the session.
/// </summary>
public sealed class ExplainRunnerTests() : ShopTest("explain_runner", "No Reset On Close=true;Maximum Pool Size=1")
{
    [Fact]
    public async Task Plain_explain_plans_without_running()
    {
        var result = await Shop.ExplainAsync(new ExplainRequest("select * from orders where customer_id = 42 order by created_at desc limit 20"));

        Assert.False(result.Analyzed);
        Assert.Null(result.ExecutionTimeMs);
        Assert.Equal("Limit", result.Root.NodeType);
        Assert.Contains(result.Nodes, n => n.IndexName == "orders_customer_id_created_at_idx");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, result.Plan.ValueKind);
        Assert.Equal(result.Root.TotalCost, result.Plan[0].GetProperty("Plan").GetProperty("Total Cost").GetDouble());
        Assert.Empty(result.Insights);
    }

    [Fact]
    public async Task Analyze_reports_actual_rows_and_times_with_buffers_and_settings()
    {
        var result = await Shop.ExplainAsync(new ExplainRequest("select count(*) from orders where status = 'paid'")
        {
            Analyze = true,
            Buffers = true,
            Settings = true,
            SessionSettings = ShopExplainer.With(("work_mem", "64kB")),
        });

        Assert.True(result.Analyzed);
        Assert.True(result.ExecutionTimeMs > 0);
        Assert.Equal(12_000, result.Root.Children.Single().TotalActualRows);
        Assert.NotNull(result.Root.Buffers);
        Assert.Equal("64kB", result.Settings["work_mem"]);
        Assert.Contains("EXPLAIN ANALYZE", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_of_a_delete_is_refused_on_a_read_only_target_and_nothing_runs()
    {
        var before = await Shop.Database.ScalarAsync<long>("select count(*) from order_items where order_id < 100");

        var error = await Assert.ThrowsAsync<ExplainException>(() =>
            Shop.ExplainAsync(new ExplainRequest("delete from order_items where order_id < 100") { Analyze = true }));

        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Contains("without --analyze", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Shop.Database.ScalarAsync<long>("select count(*) from order_items where order_id < 100"));

        var plan = await Shop.ExplainAsync(new ExplainRequest("delete from order_items where order_id < 100"));
        Assert.Equal("Delete on order_items", plan.Root.Label);
        Assert.Equal("DELETE changes rows", plan.ChangeReason);
    }

    [Fact]
    public async Task Analyze_of_a_delete_with_writes_allowed_runs_and_is_rolled_back()
    {
        var before = await Shop.Database.ScalarAsync<long>("select count(*) from order_items where order_id < 100");

        var result = await Shop.ExplainAsync(new ExplainRequest("delete from order_items where order_id < 100") { Analyze = true, AllowWrites = true });

        Assert.True(result.Analyzed);
        Assert.Equal("ModifyTable", result.Root.NodeType);
        Assert.Equal(before, result.Root.Children.Single().TotalActualRows);
        Assert.Equal(before, await Shop.Database.ScalarAsync<long>("select count(*) from order_items where order_id < 100"));
    }

    [Fact]
    public async Task Analyze_of_an_update_with_a_trigger_leaves_the_rows_as_they_were()
    {
        var before = await Shop.Database.ScalarAsync<string>("select string_agg(on_hand || '@' || updated_at, ',' order by product_id) from inventory where product_id <= 50");

        await Shop.ExplainAsync(new ExplainRequest("update inventory set on_hand = on_hand + 1 where product_id <= 50") { Analyze = true, AllowWrites = true });

        Assert.Equal(before, await Shop.Database.ScalarAsync<string>("select string_agg(on_hand || '@' || updated_at, ',' order by product_id) from inventory where product_id <= 50"));
    }

    [Fact]
    public async Task Side_effects_inside_a_read_only_analyze_are_refused_by_the_server_and_undone()
    {
        var before = await Shop.Database.ScalarAsync<long>("select last_value from invoice_number_seq");

        var error = await Assert.ThrowsAsync<ExplainException>(() =>
            Shop.ExplainAsync(new ExplainRequest("select nextval('invoice_number_seq')") { Analyze = true }));

        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Contains("read-only transaction", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Shop.Database.ScalarAsync<long>("select last_value from invoice_number_seq"));
    }

    [Fact]
    public async Task Placeholders_get_a_generic_plan_and_the_prepared_statement_is_gone_afterwards()
    {
        var result = await Shop.ExplainAsync(new ExplainRequest("select * from orders where customer_id = $1 and status = $2"));

        Assert.True(result.GenericPlan);
        Assert.False(result.Analyzed);
        Assert.Contains(result.Nodes, n => n.IndexCond?.Contains("$1", StringComparison.Ordinal) == true);
        Assert.Contains("generic plan", result.ToModelText(), StringComparison.Ordinal);
        Assert.Equal(0L, await OnTheSameSessionAsync("select count(*) from pg_prepared_statements"));
    }

    [Fact]
    public async Task A_generic_plan_that_fails_to_plan_also_leaves_no_prepared_statement()
    {
        // PREPARE only parses; the planner folds 1/0 when EXPLAIN EXECUTE plans it, so the failure comes after PREPARE.
        var error = await Assert.ThrowsAsync<ExplainException>(() =>
            Shop.ExplainAsync(new ExplainRequest("select * from orders where customer_id = $1 and 1 / 0 = 1")));

        Assert.Equal(ExplainErrorKind.StatementError, error.Kind);
        Assert.Contains("division by zero", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await OnTheSameSessionAsync("select count(*) from pg_prepared_statements"));
    }

    [Fact]
    public async Task Placeholder_values_give_a_custom_plan_that_analyze_can_run()
    {
        var expected = await Shop.Database.ScalarAsync<long>("select count(*) from orders where customer_id = 42");

        var result = await Shop.ExplainAsync(new ExplainRequest("select * from orders where customer_id = $1") { Analyze = true, Parameters = ["42"] });

        Assert.False(result.GenericPlan);
        Assert.Equal(expected, result.Root.TotalActualRows);
    }

    [Fact]
    public async Task Several_statements_are_refused_before_reaching_the_server()
    {
        var error = await Assert.ThrowsAsync<ExplainException>(() =>
            Shop.ExplainAsync(new ExplainRequest("select 1; drop table reviews") { Analyze = true, AllowWrites = true }));

        Assert.Equal(ExplainErrorKind.Refused, error.Kind);
        Assert.Equal(1L, await Shop.Database.ScalarAsync<long>("select count(*) from pg_tables where tablename = 'reviews'"));
    }

    [Fact]
    public async Task The_server_also_refuses_a_second_statement_that_slipped_past_the_reader()
    {
        // A policy that sees one statement where there are two: the text still reaches the server as one protocol message.
        var error = await Assert.ThrowsAsync<ExplainException>(() => ExplainRunner.ExplainAsync(
            Shop.Handle, new ExplainRequest("select 1; drop table reviews"), (_, _) => new StatementDecision(null, 0, false), CancellationToken.None));

        Assert.Equal(ExplainErrorKind.StatementError, error.Kind);
        Assert.Contains("multiple commands", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await Shop.Database.ScalarAsync<long>("select count(*) from pg_tables where tablename = 'reviews'"));
    }

    [Fact]
    public async Task Sql_errors_point_at_the_line_and_column_of_the_statement()
    {
        var error = await Assert.ThrowsAsync<ExplainException>(() =>
            Shop.ExplainAsync(new ExplainRequest("select id\nfrom orders\nwhere nonexistent = 1")));

        Assert.Equal(ExplainErrorKind.StatementError, error.Kind);
        Assert.Contains("at line 3, column 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("nonexistent", error.Message, StringComparison.Ordinal);
        Assert.Contains("42703", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_stops_at_the_timeout()
    {
        var error = await Assert.ThrowsAsync<ExplainException>(() =>
            Shop.ExplainAsync(new ExplainRequest("select pg_sleep(30)") { Analyze = true, Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(ExplainErrorKind.ServerError, error.Kind);
        Assert.Contains("statement timeout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transaction_read_only")]
    [InlineData("role")]
    [InlineData("statement_timeout")]
    [InlineData("session_authorization")]
    public async Task Settings_outside_the_planner_are_refused(string name)
    {
        var error = await Assert.ThrowsAsync<ExplainException>(() =>
            Shop.ExplainAsync(new ExplainRequest("select 1") { SessionSettings = new Dictionary<string, string> { [name] = "off" } }));

        Assert.Equal(ExplainErrorKind.InvalidRequest, error.Kind);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_as_such()
    {
        await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("down", "Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=2", ReadOnly: true));

        await Assert.ThrowsAsync<DatabaseUnavailableException>(() => ExplainRunner.ExplainAsync(handle, new ExplainRequest("select 1")));
    }

    private async Task<long> OnTheSameSessionAsync(string sql)
    {
        await using var connection = await Shop.Handle.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
