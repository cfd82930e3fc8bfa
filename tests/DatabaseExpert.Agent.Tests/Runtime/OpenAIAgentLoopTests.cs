using System.Text.Json;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Sessions;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Testing.Models;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>The whole agent loop through Semantic Kernel's real OpenAI connector, streaming, against the scripted server.</summary>
public sealed class OpenAIAgentLoopTests
{
    private const string Schema = "create table users (id int);\ncreate index on users (id);\n";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Read_then_edit_then_answer_changes_the_file_asks_only_for_the_edit_and_records_every_step()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.WriteFile("db/schema.sql", Schema);
        ScriptReadEditAnswer(agent);

        var result = await agent.TurnAsync("Make users.id a bigint", timeout.Token);

        Assert.Equal((TurnStop.Completed, null), (result.Stop, result.Error));
        Assert.Equal("I widened users.id to bigint.", result.Text);
        Assert.Equal("create table users (id bigint);\ncreate index on users (id);\n", agent.ReadFile("db/schema.sql"));

        // Ask mode: the read ran freely, the edit was shown as a diff and approved.
        var asked = Assert.Single(agent.Approval.Requests);
        Assert.Equal(("Edit", ToolAccess.Edit), (asked.Tool, asked.Access));
        Assert.Contains("-create table users (id int);", asked.Preview, StringComparison.Ordinal);
        Assert.Contains("+create table users (id bigint);", asked.Preview, StringComparison.Ordinal);

        Assert.Equal(["Read", "Edit"], agent.Observer.Started.Select(c => c.Tool));
        Assert.Equal([("call_read", ToolCallStatus.Succeeded), ("call_edit", ToolCallStatus.Succeeded)],
            agent.Observer.Finished.Select(f => (f.Call.CallId, f.Result.Status)));
        Assert.Equal(["read-only tool", "approved by the user"], agent.Observer.Finished.Select(f => f.Result.Decision));
        Assert.Equal("Let me read the schema.I widened users.id to bigint.", agent.Observer.Text);

        var requests = agent.Server.Requests;
        Assert.Equal(3, requests.Count);
        foreach (var request in requests)
        {
            Assert.True(request.IsStreaming);
            Assert.Equal("Bearer test-key", request.Header("Authorization"));
            WireHistory.AssertValidOpenAI(request);
        }
        Assert.Empty(WireHistory.OpenAIToolResults(requests[0]));
        var afterRead = WireHistory.OpenAIToolResults(requests[1]);
        Assert.Equal(["call_read"], afterRead.Keys);
        Assert.Contains("create table users (id int);", afterRead["call_read"], StringComparison.Ordinal);
        var afterEdit = WireHistory.OpenAIToolResults(requests[2]);
        Assert.Equal(["call_read", "call_edit"], afterEdit.Keys);
        Assert.StartsWith("Edited 'db/schema.sql'", afterEdit["call_edit"], StringComparison.Ordinal);

        var expectedUsage = new TokenUsage(100 + 150 + 200, 10 + 20 + 12);
        Assert.Equal(expectedUsage, result.Usage);
        Assert.Equal(expectedUsage, agent.Conversation.Usage);
        Assert.Equal(expectedUsage, agent.Conversation.LastTurnUsage);

        var history = HistoryText.Describe(agent.Conversation.History.Skip(1));
        Assert.Equal(
            [
                "user: Make users.id a bigint",
                "assistant: Let me read the schema. call call_read Read(path=db/schema.sql)",
                $"tool: call_read={afterRead["call_read"]}",
                "assistant:  call call_edit Edit(path=db/schema.sql, old_string=id int, new_string=id bigint)",
                $"tool: call_edit={afterEdit["call_edit"]}",
                "assistant: I widened users.id to bigint.",
            ],
            history);
        Assert.Equal(AuthorRole.System, agent.Conversation.History[0].Role);
        Assert.StartsWith(AgentHarness.SystemPromptText, agent.Conversation.History[0].Content, StringComparison.Ordinal);

        var records = agent.TranscriptRecords();
        Assert.Equal(
            ["session", "tool", "tool", "message", "message", "message", "message", "message", "message", "turn"],
            records.Select(r => r.Text("type")));
        var tools = records.Where(r => r.Text("type") == "tool").ToList();
        Assert.Equal([("Read", "succeeded", "read-only tool"), ("Edit", "succeeded", "approved by the user")],
            tools.Select(t => (t.Text("tool"), t.Text("status"), t.Text("decision"))));
        var turn = records[^1];
        Assert.Equal("completed", turn.Text("stop"));
        Assert.Equal((450, 42), (turn.GetProperty("usage").GetProperty("input").GetInt32(), turn.GetProperty("usage").GetProperty("output").GetInt32()));
        Assert.Equal(JsonValueKind.Null, turn.GetProperty("error").ValueKind);

        var loaded = SessionStore.Load(agent.TranscriptPath);
        Assert.Equal(history, HistoryText.Describe(loaded.History));
        Assert.Equal(expectedUsage, loaded.Usage);
        Assert.Equal((1, "Make users.id a bigint", "openai:gpt-scripted"),
            (loaded.Summary.UserMessages, loaded.Summary.FirstMessage, loaded.Summary.Model));
    }

    [Fact]
    public async Task A_resumed_session_sends_the_model_exactly_the_conversation_the_live_session_would_send()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.WriteFile("db/schema.sql", Schema);
        ScriptReadEditAnswer(agent);
        await agent.TurnAsync("Make users.id a bigint", timeout.Token);

        var loaded = SessionStore.Load(agent.TranscriptPath);
        agent.Server.Enqueue(ModelStep.Text("You're welcome."), ModelStep.Text("You're welcome."));
        var live = await agent.TurnAsync("Thanks!", timeout.Token);
        var resumed = new Conversation(agent.Runtime, history: loaded.History, usage: loaded.Usage);
        var again = await resumed.RunTurnAsync("Thanks!", new RecordingObserver(), timeout.Token);

        Assert.Equal((TurnStop.Completed, TurnStop.Completed), (live.Stop, again.Stop));
        var requests = agent.Server.Requests;
        Assert.Equal(5, requests.Count);
        Assert.Equal(requests[3].RequiredJson.GetProperty("messages").GetRawText(), requests[4].RequiredJson.GetProperty("messages").GetRawText());
        Assert.Equal(agent.Conversation.Usage, resumed.Usage);
    }

    private static void ScriptReadEditAnswer(AgentHarness agent) => agent.Server.Enqueue(
        ModelStep.TextAndToolCalls("Let me read the schema.", new ToolCall(agent.Tool("Read"), """{"path":"db/schema.sql"}""", "call_read"))
            .WithUsage(100, 10),
        ModelStep.ToolCalls(new ToolCall(agent.Tool("Edit"), """{"path":"db/schema.sql","old_string":"id int","new_string":"id bigint"}""", "call_edit"))
            .WithChunks(1, 5).WithUsage(150, 20),
        ModelStep.Text("I widened users.id to bigint.", chunks: 4).WithUsage(200, 12));
}
