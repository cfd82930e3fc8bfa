using System.Text.Json;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Tests.Runtime;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Testing.Models;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Agent.Tests.Tools;

/// <summary>The database tools through the whole agent loop: real SK connector, scripted model, real PostgreSQL.</summary>
public sealed class PostgresPluginTests : IAsyncLifetime
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("agent_pg_tools");
        await _database.ExecuteAsync("create table items (id int primary key, name text not null); insert into items values (1, 'one'), (2, 'two')");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Query_runs_without_approval_and_the_model_gets_the_rows_as_untrusted_data()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var database = new LazyDatabase(Target(readOnly: true));
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Database = database }, timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("query", "postgres"), """{"sql":"select name from items order by id"}""", "call_q")),
            ModelStep.Text("There are two items."));

        var result = await agent.TurnAsync("What items exist?", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Empty(agent.Approval.Requests);
        var toolResult = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_q"];
        Assert.Contains("<untrusted-data-", toolResult, StringComparison.Ordinal);
        Assert.Contains("one", toolResult, StringComparison.Ordinal);
        Assert.Contains("two", toolResult, StringComparison.Ordinal);
        Assert.Contains("- Database: test (", agent.Conversation.History[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_sent_to_query_is_refused_and_changes_nothing()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var database = new LazyDatabase(Target(readOnly: true));
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Database = database }, timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("query", "postgres"), """{"sql":"delete from items"}""", "call_q")),
            ModelStep.Text("I could not delete."));

        await agent.TurnAsync("Delete the items", timeout.Token);

        Assert.StartsWith("Refused:", WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_q"], StringComparison.Ordinal);
        Assert.Equal(2L, await _database.ScalarAsync<long>("select count(*) from items"));
    }

    [Fact]
    public async Task A_read_only_database_offers_no_execute_tool()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var database = new LazyDatabase(Target(readOnly: true));
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Database = database }, timeout.Token);
        agent.Server.Enqueue(ModelStep.Text("ok"));

        await agent.TurnAsync("hi", timeout.Token);

        var offered = ToolNames(agent.Server.Requests[0].RequiredJson);
        Assert.Contains("postgres-query", offered);
        Assert.Contains("postgres-explain", offered);
        Assert.DoesNotContain("postgres-execute", offered);
    }

    [Theory]
    [InlineData(true, 3L)]
    [InlineData(false, 2L)]
    public async Task Execute_on_a_writable_database_asks_with_the_sql_and_commits_only_when_approved(bool approve, long expectedRows)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var database = new LazyDatabase(Target(readOnly: false));
        var approval = new RecordingApproval(_ => new ApprovalResponse(approve ? ApprovalChoice.Approve : ApprovalChoice.Deny));
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Database = database, Approval = approval, Mode = PermissionMode.Bypass }, timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("execute", "postgres"), """{"sql":"insert into items values (3, 'three')"}""", "call_x")),
            ModelStep.Text("done"));

        await agent.TurnAsync("Add a third item", timeout.Token);

        // Bypass mode skips every other approval, but database writes always ask.
        var asked = Assert.Single(approval.Requests);
        Assert.Equal(ToolAccess.DatabaseWrite, asked.Access);
        Assert.Contains("insert into items values (3, 'three')", asked.Preview, StringComparison.Ordinal);
        Assert.Equal(expectedRows, await _database.ScalarAsync<long>("select count(*) from items"));
    }

    [Fact]
    public async Task Without_a_database_the_tools_say_how_to_configure_one()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var database = new LazyDatabase(null, "no database given: pass --db");
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Database = database }, timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("health", "postgres"), "{}", "call_h")),
            ModelStep.Text("I need a database."));

        await agent.TurnAsync("Is my database healthy?", timeout.Token);

        var text = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_h"];
        Assert.Contains("no database given: pass --db", text, StringComparison.Ordinal);
        Assert.Contains("Ask the user for a connection string", text, StringComparison.Ordinal);
        Assert.Contains("- Database: none configured", agent.Conversation.History[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_returns_the_plan_and_its_insights_to_the_model()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var database = new LazyDatabase(Target(readOnly: true));
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Database = database }, timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("explain", "postgres"), """{"sql":"select * from items where id = $1"}""", "call_e")),
            ModelStep.Text("It uses the primary key."));

        await agent.TurnAsync("How is an item looked up?", timeout.Token);

        var text = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_e"];
        Assert.Contains("items", text, StringComparison.Ordinal);
        Assert.Contains("items_pkey", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_describes_the_tables_and_can_give_replayable_ddl()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var database = new LazyDatabase(Target(readOnly: true));
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Database = database }, timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(
                new ToolCall(agent.Tool("schema", "postgres"), "{}", "call_text"),
                new ToolCall(agent.Tool("schema", "postgres"), """{"format":"ddl","tables":"items"}""", "call_ddl")),
            ModelStep.Text("items has two columns."));

        await agent.TurnAsync("What tables are there?", timeout.Token);

        var results = WireHistory.OpenAIToolResults(agent.Server.Requests[1]);
        Assert.Contains("items", results["call_text"], StringComparison.Ordinal);
        Assert.Contains("name", results["call_text"], StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE", results["call_ddl"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("items", results["call_ddl"], StringComparison.Ordinal);
    }

    private DatabaseTarget Target(bool readOnly) => new("test", _database.ConnectionString, readOnly);

    private static List<string> ToolNames(JsonElement request) =>
        request.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!).ToList();
}
