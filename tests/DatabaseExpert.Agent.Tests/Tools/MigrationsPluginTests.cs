using DatabaseExpert.Agent.Tests.Runtime;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Tools;

/// <summary>The migration tools through the agent loop, on a copy of examples/shop in the workspace and a real embedded PostgreSQL.</summary>
public sealed class MigrationsPluginTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Proposed_sql_is_linted_in_the_context_of_the_projects_history()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await StartWithShopAsync(timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("lint_migration", "migrations"),
                """{"sql":"CREATE INDEX orders_created_at_idx ON orders (created_at);","project":"shop"}""", "call_lint")),
            ModelStep.Text("Use CONCURRENTLY."));

        await agent.TurnAsync("Add an index on orders.created_at", timeout.Token);

        var text = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_lint"];
        Assert.Contains("proposed-migration.sql:1:1 error require-concurrent-index-creation", text, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX CONCURRENTLY orders_created_at_idx", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0000_init", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_traced_type_change_reports_the_rewrite_measured_after_the_history_and_seed()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await StartWithShopAsync(timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("trace_migration", "migrations"),
                """{"sql":"ALTER TABLE products ALTER COLUMN price_cents TYPE bigint;","project":"shop"}""", "call_trace")),
            ModelStep.Text("That rewrites products."));

        await agent.TurnAsync("Widen products.price_cents", timeout.Token);

        var text = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_trace"];
        Assert.Contains("after 7 earlier migrations and the seed", text, StringComparison.Ordinal);
        Assert.Contains("trace-table-rewrite", text, StringComparison.Ordinal);
        Assert.Contains("AccessExclusiveLock", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewing_the_project_returns_the_findings_of_every_risky_migration()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await StartWithShopAsync(timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("review_changes", "migrations"), """{"path":"shop"}""", "call_review")),
            ModelStep.Text("Five errors."));

        await agent.TurnAsync("Review my migrations", timeout.Token);

        var text = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_review"];
        Assert.Contains("require-concurrent-index-creation", text, StringComparison.Ordinal);
        Assert.Contains("changing-column-type", text, StringComparison.Ordinal);
        Assert.Contains("trace-migration-failed", text, StringComparison.Ordinal);
        Assert.Empty(agent.Approval.Requests);
    }

    private static async Task<AgentHarness> StartWithShopAsync(CancellationToken cancellationToken)
    {
        var agent = await AgentHarness.StartAsync(new HarnessOptions { Migrations = true }, cancellationToken);
        CopyShop(agent.Workspace);
        return agent;
    }

    private static void CopyShop(string workspace)
    {
        var source = Path.Combine(DatabaseExpert.Testing.RepositoryPaths.Root, "examples", "shop");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("node_modules", StringComparison.Ordinal)))
        {
            var target = Path.Combine(workspace, "shop", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
