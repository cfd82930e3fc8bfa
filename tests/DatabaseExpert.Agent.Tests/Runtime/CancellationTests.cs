using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Testing.Models;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>Ctrl-C at any point of a turn: the turn says Cancelled, the history stays valid, the next turn works.</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task Cancelling_while_the_model_hangs_ends_the_turn_and_the_next_turn_works(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider }, timeout.Token);
        agent.Server.Enqueue(ModelStep.Hang());
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);

        var running = agent.TurnAsync("think hard", turn.Token);
        await agent.Server.WaitForRequestAsync(1, timeout.Token);
        await turn.CancelAsync();
        var result = await running;

        Assert.Equal((TurnStop.Cancelled, null, ""), (result.Stop, result.Error, result.Text));
        Assert.Single(agent.Server.Requests);
        Assert.Equal(["user: think hard"], HistoryText.Describe(agent.Conversation.History.Skip(1)));
        Assert.Equal("cancelled", agent.TranscriptRecords()[^1].Text("stop"));

        await AssertNextTurnWorksAsync(agent, timeout.Token);
    }

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task Cancelling_mid_stream_keeps_the_partial_answer_marked_as_interrupted(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider }, timeout.Token);
        agent.Server.Enqueue(ModelStep.Text("one two three four five six seven eight", chunks: 8));
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);

        var running = agent.TurnAsync("count", turn.Token);
        agent.Observer.OnFirstText = turn.Cancel;
        var result = await running;

        Assert.Equal(TurnStop.Cancelled, result.Stop);
        Assert.StartsWith("one ", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n[interrupted by the user]", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("eight", result.Text, StringComparison.Ordinal);
        var last = agent.Conversation.History[^1];
        Assert.Equal((AuthorRole.Assistant, result.Text), (last.Role, last.Content));

        await AssertNextTurnWorksAsync(agent, timeout.Token);
    }

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task Cancelling_at_an_approval_prompt_closes_every_pending_tool_call(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var approval = new WaitingApproval();
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider, Approval = approval }, timeout.Token);
        agent.WriteFile("a.sql", "select 1;");
        agent.WriteFile("b.sql", "select 2;");
        var prefix = provider == ModelProvider.Anthropic ? "toolu" : "call";
        agent.Server.Enqueue(ModelStep.ToolCalls(
            new ToolCall(agent.Tool("Edit"), """{"path":"a.sql","old_string":"1","new_string":"10"}""", $"{prefix}_a"),
            new ToolCall(agent.Tool("Edit"), """{"path":"b.sql","old_string":"2","new_string":"20"}""", $"{prefix}_b")));
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);

        // The prompt waits for an answer that never comes; only the turn's token can end the wait.
        var running = agent.TurnAsync("bump both", turn.Token);
        await approval.Asked.Task.WaitAsync(timeout.Token);
        await turn.CancelAsync();
        var result = await running.WaitAsync(timeout.Token);

        Assert.Equal(TurnStop.Cancelled, result.Stop);
        Assert.Equal(1, approval.Count);
        var (_, outcome) = Assert.Single(agent.Observer.Finished);
        Assert.Equal((ToolCallStatus.Denied, "cancelled by the user"), (outcome.Status, outcome.Summary));
        Assert.Equal(("select 1;", "select 2;"), (agent.ReadFile("a.sql"), agent.ReadFile("b.sql")));

        await AssertNextTurnWorksAsync(agent, timeout.Token);
        var request = agent.Server.Requests[^1];
        var results = provider == ModelProvider.Anthropic ? WireHistory.AnthropicToolResults(request) : WireHistory.OpenAIToolResults(request);
        Assert.Equal([$"{prefix}_a", $"{prefix}_b"], results.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, text) in results)
        {
            Assert.True(text == "Not run: cancelled by the user.", $"{id}: {text}");
        }
    }

    private static async Task AssertNextTurnWorksAsync(AgentHarness agent, CancellationToken cancellationToken)
    {
        agent.Server.Enqueue(ModelStep.Text("Ready when you are."));
        var next = await agent.TurnAsync("let's go on", cancellationToken);

        Assert.Equal((TurnStop.Completed, "Ready when you are."), (next.Stop, next.Text));
        WireHistory.AssertValid(agent.Server.Requests[^1], agent.Options.Provider == ModelProvider.Anthropic);
    }

    /// <summary>A prompt that, like a terminal prompt, waits for the user until the token it was given is cancelled.</summary>
    private sealed class WaitingApproval : IApprovalPrompt
    {
        private int _count;

        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public async Task<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            Asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ApprovalResponse.Approved;
        }
    }
}
