using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>Conversation bookkeeping that no single provider path owns: transcript outcome, clearing, totals.</summary>
public sealed class ConversationTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_turn_that_crashes_in_the_front_end_is_recorded_as_failed_not_completed()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.Server.Enqueue(ModelStep.Text("Hello there.", chunks: 3));
        var running = agent.TurnAsync("hi", timeout.Token);
        agent.Observer.OnFirstText = () => throw new InvalidOperationException("the terminal went away");

        var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => running);

        Assert.Equal("the terminal went away", crash.Message);
        var turn = agent.TranscriptRecords()[^1];
        Assert.Equal(("turn", "failed", "the terminal went away"), (turn.Text("type"), turn.Text("stop"), turn.Text("error")));

        agent.Server.Enqueue(ModelStep.Text("Still here."));
        Assert.Equal(TurnStop.Completed, (await agent.TurnAsync("again", timeout.Token)).Stop);
        WireHistory.AssertValidOpenAI(agent.Server.Requests[^1]);
    }

    [Fact]
    public async Task Clearing_forgets_the_conversation_but_keeps_the_system_prompt_and_the_totals()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.Server.Enqueue(ModelStep.Text("one").WithUsage(10, 1), ModelStep.Text("two").WithUsage(20, 2));
        await agent.TurnAsync("first", timeout.Token);

        agent.Conversation.Clear();
        await agent.TurnAsync("second", timeout.Token);

        Assert.Equal(["system", "user"], WireHistory.Messages(agent.Server.Requests[1]).Select(m => m.Text("role")));
        Assert.Equal((new TokenUsage(30, 3), new TokenUsage(20, 2), 2), (agent.Conversation.Usage, agent.Conversation.LastTurnUsage, agent.Conversation.Turns));
        Assert.Contains(agent.TranscriptRecords(), r => r.Text("type") == "clear");
    }
}
