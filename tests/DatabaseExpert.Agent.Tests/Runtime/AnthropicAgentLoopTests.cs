using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Sessions;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>
/// The same agent loop through the official Anthropic SDK (its IChatClient, SK's function-invoking pipeline),
/// proving the approval filter, usage and history work on that path too.
/// </summary>
public sealed class AnthropicAgentLoopTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);
    private static readonly HarnessOptions Anthropic = new() { Provider = ModelProvider.Anthropic };

    [Fact]
    public async Task Tool_round_trip_runs_through_the_approval_filter_and_counts_usage()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(Anthropic, timeout.Token);
        agent.WriteFile("a.sql", "select 1;\n");
        agent.WriteFile("b.sql", "select 2;\n");
        ScriptTwoReadsEditAnswer(agent);

        var result = await agent.TurnAsync("Tidy the queries", timeout.Token);

        Assert.Equal((TurnStop.Completed, null), (result.Stop, result.Error));
        Assert.Equal("Both files read; a.sql now selects 42.", result.Text);
        Assert.Equal("select 42;\n", agent.ReadFile("a.sql"));
        Assert.Equal("select 2;\n", agent.ReadFile("b.sql"));

        // The IAutoFunctionInvocationFilter fired for every call: reads allowed, the edit asked and approved.
        Assert.Equal(["Edit"], agent.Approval.AskedTools);
        Assert.Equal(
            [("toolu_a", "Read", "read-only tool"), ("toolu_b", "Read", "read-only tool"), ("toolu_edit", "Edit", "approved by the user")],
            agent.Observer.Finished.Select(f => (f.Call.CallId, f.Call.Tool, f.Result.Decision)));
        Assert.All(agent.Observer.Finished, f => Assert.Equal(ToolCallStatus.Succeeded, f.Result.Status));

        var requests = agent.Server.Requests;
        Assert.Equal(3, requests.Count);
        foreach (var request in requests)
        {
            Assert.True(request.IsStreaming);
            Assert.Equal("Bearer test-key", request.Header("Authorization"));
            Assert.StartsWith(AgentHarness.SystemPromptText, request.RequiredJson.FlatText("system"), StringComparison.Ordinal);
            WireHistory.AssertValidAnthropic(request);
        }
        var afterReads = WireHistory.AnthropicToolResults(requests[1]);
        Assert.Equal(["toolu_a", "toolu_b"], afterReads.Keys);
        Assert.Contains("select 1;", afterReads["toolu_a"], StringComparison.Ordinal);
        Assert.Contains("select 2;", afterReads["toolu_b"], StringComparison.Ordinal);
        Assert.StartsWith("Edited 'a.sql'", WireHistory.AnthropicToolResults(requests[2])["toolu_edit"], StringComparison.Ordinal);

        var expectedUsage = new TokenUsage(40 + 60 + 80, 8 + 9 + 5);
        Assert.Equal(expectedUsage, result.Usage);
        Assert.Equal(expectedUsage, agent.Conversation.Usage);
    }

    [Fact]
    public async Task History_keeps_the_text_written_before_tool_calls_and_reloads_from_the_transcript()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(Anthropic, timeout.Token);
        agent.WriteFile("a.sql", "select 1;\n");
        agent.WriteFile("b.sql", "select 2;\n");
        ScriptTwoReadsEditAnswer(agent);
        await agent.TurnAsync("Tidy the queries", timeout.Token);

        var history = HistoryText.Describe(agent.Conversation.History.Skip(1));
        Assert.Equal("user: Tidy the queries", history[0]);
        Assert.StartsWith("assistant: Reading both files.", history[1], StringComparison.Ordinal);
        Assert.Equal("assistant: Both files read; a.sql now selects 42.", history[^1]);

        var loaded = SessionStore.Load(agent.TranscriptPath);
        Assert.Equal(history, HistoryText.Describe(loaded.History));
        Assert.Equal(agent.Conversation.Usage, loaded.Usage);

        // The next request, live or resumed from the transcript, sends the model the same valid conversation.
        agent.Server.Enqueue(ModelStep.Text("Anytime."), ModelStep.Text("Anytime."));
        await agent.TurnAsync("Thanks!", timeout.Token);
        var resumed = new Conversation(agent.Runtime, history: loaded.History, usage: loaded.Usage);
        var again = await resumed.RunTurnAsync("Thanks!", new RecordingObserver(), timeout.Token);

        Assert.Equal(TurnStop.Completed, again.Stop);
        var requests = agent.Server.Requests;
        WireHistory.AssertValidAnthropic(requests[3]);
        var liveMessages = requests[3].RequiredJson.GetProperty("messages").GetRawText();
        Assert.Contains("Reading both files.", liveMessages, StringComparison.Ordinal);
        Assert.Equal(liveMessages, requests[4].RequiredJson.GetProperty("messages").GetRawText());
    }

    private static void ScriptTwoReadsEditAnswer(AgentHarness agent) => agent.Server.Enqueue(
        ModelStep.TextAndToolCalls(
                "Reading both files.",
                new ToolCall(agent.Tool("Read"), """{"path":"a.sql"}""", "toolu_a"),
                new ToolCall(agent.Tool("Read"), """{"path":"b.sql"}""", "toolu_b"))
            .WithUsage(40, 8),
        ModelStep.ToolCalls(new ToolCall(agent.Tool("Edit"), """{"path":"a.sql","old_string":"select 1;","new_string":"select 42;"}""", "toolu_edit"))
            .WithUsage(60, 9),
        ModelStep.Text("Both files read; a.sql now selects 42.", chunks: 3).WithUsage(80, 5));
}
