using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>Tool calls that cannot work come back to the model as errors it can act on; the turn goes on.</summary>
public sealed class ToolFailureTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_edit_whose_preview_fails_is_reported_without_asking_the_user()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.WriteFile("a.sql", "select 1;");
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Edit"), """{"path":"a.sql","old_string":"select 2;","new_string":"x"}""", "call_edit")),
            ModelStep.Text("The text was not there."));

        var result = await agent.TurnAsync("edit", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Empty(agent.Approval.Requests);
        var (_, outcome) = Assert.Single(agent.Observer.Finished);
        Assert.Equal(ToolCallStatus.Failed, outcome.Status);
        var sent = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_edit"];
        Assert.StartsWith("Error: ", sent, StringComparison.Ordinal);
        Assert.Contains("a.sql", sent, StringComparison.Ordinal);
        Assert.Equal("select 1;", agent.ReadFile("a.sql"));
    }

    [Fact]
    public async Task A_path_outside_the_workspace_is_refused_as_a_tool_error()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Read"), """{"path":"../../etc/passwd"}""", "call_read")),
            ModelStep.Text("I may only read inside the workspace."));

        var result = await agent.TurnAsync("read it", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Equal(ToolCallStatus.Failed, Assert.Single(agent.Observer.Finished).Result.Status);
        var sent = WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_read"];
        Assert.StartsWith("Error: ", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_the_agent_does_not_have_is_answered_with_an_error_and_the_turn_goes_on()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Delete", """{"path":"a.sql"}""", "call_delete")),
            ModelStep.Text("That tool does not exist."));

        var result = await agent.TurnAsync("delete it", timeout.Token);

        Assert.Equal((TurnStop.Completed, "That tool does not exist."), (result.Stop, result.Text));
        WireHistory.AssertValidOpenAI(agent.Server.Requests[1]);
        Assert.Contains("Error", WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_delete"], StringComparison.Ordinal);
    }
}
