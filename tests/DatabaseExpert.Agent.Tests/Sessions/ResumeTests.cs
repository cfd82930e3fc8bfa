using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Sessions;
using DatabaseExpert.Agent.Tests.Runtime;
using DatabaseExpert.Testing.Models;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Tests.Sessions;

/// <summary><c>--resume</c>: a conversation reloaded from its transcript continues exactly where the live one was.</summary>
public sealed class ResumeTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task Tool_calls_with_numbers_and_booleans_are_sent_again_exactly_as_the_model_wrote_them(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider, Mode = Agent.Permissions.PermissionMode.AcceptEdits }, timeout.Token);
        agent.WriteFile("a.sql", "select 1;\nselect 1;\nselect 1;\n");
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Read"), """{"path":"a.sql","offset":2,"limit":1}""")),
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Edit"), """{"path":"a.sql","old_string":"1;","new_string":"2;","replace_all":true}""")),
            ModelStep.Text("All three now select 2."));
        await agent.TurnAsync("bump", timeout.Token);
        Assert.Equal("select 2;\nselect 2;\nselect 2;\n", agent.ReadFile("a.sql"));

        var loaded = SessionStore.Load(agent.TranscriptPath);
        agent.Server.Enqueue(ModelStep.Text("ok"), ModelStep.Text("ok"));
        await agent.TurnAsync("thanks", timeout.Token);
        var resumed = new Conversation(agent.Runtime, history: loaded.History, usage: loaded.Usage);
        await resumed.RunTurnAsync("thanks", NullAgentObserver.Instance, timeout.Token);

        var requests = agent.Server.Requests;
        Assert.Equal(
            requests[^2].RequiredJson.GetProperty("messages").GetRawText(),
            requests[^1].RequiredJson.GetProperty("messages").GetRawText());
    }

    [Fact]
    public async Task A_resumed_conversation_runs_with_todays_system_prompt()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        var saved = new ChatHistory("You were a different agent yesterday.");
        saved.AddUserMessage("hello");
        saved.AddAssistantMessage("hi");

        var resumed = new Conversation(agent.Runtime, history: saved);
        var fresh = new Conversation(agent.Runtime, history: new ChatHistory { new(AuthorRole.User, "no system prompt saved") });

        Assert.Equal(agent.Runtime.SystemPrompt, resumed.History[0].Content);
        Assert.Equal(["user: hello", "assistant: hi"], HistoryText.Describe(resumed.History.Skip(1)));
        Assert.Equal(AuthorRole.System, fresh.History[0].Role);
        Assert.Equal(agent.Runtime.SystemPrompt, fresh.History[0].Content);
        Assert.Equal(2, fresh.History.Count);
    }
}
