using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Agent.Tests.Runtime;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Permissions;

/// <summary>Each permission mode, end to end: the scripted model asks for tools, the filter decides, the model sees why.</summary>
public sealed class PermissionModeTests
{
    private const string Schema = "create table users (id int);\n";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ask_mode_runs_reads_freely_and_asks_for_edits_and_commands()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Read"), """{"path":"schema.sql"}"""), new ToolCall(agent.Tool("Grep"), """{"pattern":"users"}""")),
            ModelStep.ToolCalls(Edit(agent)),
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Bash"), """{"command":"echo checked","description":"Say it is checked"}""")),
            ModelStep.Text("Done."));

        var result = await agent.TurnAsync("go", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Equal([("Edit", ToolAccess.Edit), ("Bash", ToolAccess.Execute)], agent.Approval.Requests.Select(r => (r.Tool, r.Access)));
        var bash = agent.Approval.Requests[1];
        Assert.Equal(("Say it is checked", "$ echo checked"), (bash.Summary, bash.Preview));
        Assert.All(agent.Observer.Finished, f => Assert.Equal(ToolCallStatus.Succeeded, f.Result.Status));
        Assert.Equal("create table users (id bigint);\n", agent.ReadFile("schema.sql"));
        Assert.Contains("checked", ToolResults(agent, 4).Values.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_edits_mode_changes_files_without_asking_but_asks_for_commands_no_pattern_allows()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions { Mode = PermissionMode.AcceptEdits, BashAllow = ["echo *"] }, timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(
                new ToolCall(agent.Tool("Write"), """{"path":"notes/plan.md","content":"widen ids\n"}"""),
                Edit(agent)),
            ModelStep.ToolCalls(
                new ToolCall(agent.Tool("Bash"), """{"command":"echo allowed"}"""),
                new ToolCall(agent.Tool("Bash"), """{"command":"touch made-by-bash.txt"}""")),
            ModelStep.Text("Done."));

        var result = await agent.TurnAsync("go", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Equal("widen ids\n", agent.ReadFile("notes/plan.md"));
        Assert.Equal("create table users (id bigint);\n", agent.ReadFile("schema.sql"));
        var asked = Assert.Single(agent.Approval.Requests);
        Assert.Equal(("Bash", "$ touch made-by-bash.txt"), (asked.Tool, asked.Preview));
        Assert.Equal("'touch made-by-bash.txt' matches no allow pattern", asked.Reason);
        Assert.True(File.Exists(Path.Combine(agent.Workspace, "made-by-bash.txt")));
        Assert.Equal(
            ["accept-edits mode", "accept-edits mode", "allowed by the pattern 'echo *'", "approved by the user"],
            agent.Observer.Finished.Select(f => f.Result.Decision));
    }

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task Plan_mode_refuses_every_change_tells_the_model_why_and_still_gets_the_answer(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider, Mode = PermissionMode.Plan }, timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(
                new ToolCall(agent.Tool("Read"), """{"path":"schema.sql"}""", Id(provider, "read")),
                new ToolCall(agent.Tool("Edit"), """{"path":"schema.sql","old_string":"id int","new_string":"id bigint"}""", Id(provider, "edit")),
                new ToolCall(agent.Tool("Write"), """{"path":"new.sql","content":"drop table users;"}""", Id(provider, "write")),
                new ToolCall(agent.Tool("Bash"), """{"command":"echo hi > proof.txt"}""", Id(provider, "bash"))),
            ModelStep.Text("Plan: widen users.id to bigint in a migration."));

        var result = await agent.TurnAsync("widen users.id", timeout.Token);

        Assert.Equal((TurnStop.Completed, "Plan: widen users.id to bigint in a migration."), (result.Stop, result.Text));
        Assert.Empty(agent.Approval.Requests);
        Assert.Equal(Schema, agent.ReadFile("schema.sql"));
        Assert.False(File.Exists(Path.Combine(agent.Workspace, "new.sql")));
        Assert.False(File.Exists(Path.Combine(agent.Workspace, "proof.txt")));
        Assert.Equal(
            [ToolCallStatus.Succeeded, ToolCallStatus.Denied, ToolCallStatus.Denied, ToolCallStatus.Denied],
            agent.Observer.Finished.Select(f => f.Result.Status));

        WireHistory.AssertValid(agent.Server.Requests[1], provider == ModelProvider.Anthropic);
        var results = ToolResults(agent, 2);
        Assert.Contains("create table users", results[Id(provider, "read")], StringComparison.Ordinal);
        foreach (var refused in new[] { "edit", "write", "bash" })
        {
            Assert.StartsWith("Denied: plan mode allows read-only tools only", results[Id(provider, refused)], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Plan_mode_denies_an_edit_even_when_its_preview_would_fail()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Mode = PermissionMode.Plan }, timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Edit"), """{"path":"schema.sql","old_string":"no such text","new_string":"x"}""", "call_edit")),
            ModelStep.Text("I will describe it instead."));

        await agent.TurnAsync("change it", timeout.Token);

        // The model must learn that edits are off in this mode, not that its old_string was wrong (and retry).
        Assert.StartsWith("Denied: plan mode", ToolResults(agent, 2)["call_edit"], StringComparison.Ordinal);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(agent.Observer.Finished).Result.Status);
    }

    [Fact]
    public async Task Bypass_mode_runs_everything_unasked_except_commands_matching_a_deny_pattern()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions { Mode = PermissionMode.Bypass, BashDeny = ["rm -rf *"] }, timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.WriteFile("build/keep.txt", "precious");
        agent.Server.Enqueue(
            ModelStep.ToolCalls(
                new ToolCall(agent.Tool("Write"), """{"path":"new.sql","content":"select 1;"}""", "call_write"),
                new ToolCall(agent.Tool("Edit"), """{"path":"schema.sql","old_string":"id int","new_string":"id bigint"}""", "call_edit"),
                new ToolCall(agent.Tool("Bash"), """{"command":"echo ran > ran.txt"}""", "call_echo")),
            ModelStep.ToolCalls(
                new ToolCall(agent.Tool("Bash"), """{"command":"rm -rf build"}""", "call_rm"),
                new ToolCall(agent.Tool("Bash"), """{"command":"echo tidy && rm -rf build"}""", "call_hidden")),
            ModelStep.Text("Cleanup refused; the rest is done."));

        var result = await agent.TurnAsync("do it all", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Empty(agent.Approval.Requests);
        Assert.Equal("select 1;", agent.ReadFile("new.sql"));
        Assert.Equal("create table users (id bigint);\n", agent.ReadFile("schema.sql"));
        Assert.Equal("ran\n", agent.ReadFile("ran.txt"));
        Assert.Equal("precious", agent.ReadFile("build/keep.txt"));
        Assert.Equal(
            [ToolCallStatus.Succeeded, ToolCallStatus.Succeeded, ToolCallStatus.Succeeded, ToolCallStatus.Denied, ToolCallStatus.Denied],
            agent.Observer.Finished.Select(f => f.Result.Status));
        var results = ToolResults(agent, 3);
        Assert.StartsWith("Denied: the command matches the deny pattern 'rm -rf *'", results["call_rm"], StringComparison.Ordinal);
        Assert.StartsWith("Denied: the command matches the deny pattern 'rm -rf *'", results["call_hidden"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_declines_with_a_note_has_the_note_passed_to_the_model()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions { Approval = new RecordingApproval(_ => new ApprovalResponse(ApprovalChoice.Deny, "write a migration file instead")) },
            timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.Server.Enqueue(ModelStep.ToolCalls(Edit(agent, "call_edit")), ModelStep.Text("Understood, here is a migration."));

        var result = await agent.TurnAsync("widen ids", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Equal(Schema, agent.ReadFile("schema.sql"));
        var (_, outcome) = Assert.Single(agent.Observer.Finished);
        Assert.Equal((ToolCallStatus.Denied, "write a migration file instead"), (outcome.Status, outcome.Summary));
        Assert.Equal(
            "Denied: write a migration file instead. The call did not run; adapt the plan or ask the user.",
            ToolResults(agent, 2)["call_edit"]);
    }

    [Fact]
    public async Task A_non_interactive_run_refuses_calls_that_need_approval_and_says_how_to_allow_them()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Approval = new NonInteractiveApproval() }, timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.Server.Enqueue(ModelStep.ToolCalls(Edit(agent, "call_edit")), ModelStep.Text("I could not edit."));

        var result = await agent.TurnAsync("widen ids", timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Equal(Schema, agent.ReadFile("schema.sql"));
        var denial = ToolResults(agent, 2)["call_edit"];
        Assert.StartsWith("Denied: Edit needs approval (file changes need approval in ask mode)", denial, StringComparison.Ordinal);
        Assert.Contains("rerun with --permission-mode accept-edits or bypass", denial, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_for_the_session_stops_asking_for_that_kind_of_call_only()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions { Approval = new RecordingApproval(_ => new ApprovalResponse(ApprovalChoice.ApproveForSession)) }, timeout.Token);
        agent.WriteFile("schema.sql", Schema);
        agent.Server.Enqueue(
            ModelStep.ToolCalls(Edit(agent)),
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Write"), """{"path":"b.sql","content":"select 2;"}""")),
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Bash"), """{"command":"echo hi"}""")),
            ModelStep.Text("Done."));

        await agent.TurnAsync("go", timeout.Token);

        Assert.Equal(["Edit", "Bash"], agent.Approval.AskedTools);
        Assert.Equal(["approved by the user", "approved for this session", "approved by the user"],
            agent.Observer.Finished.Select(f => f.Result.Decision));
    }

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task Too_many_tool_rounds_stop_the_turn_with_a_notice_and_the_conversation_goes_on(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider, MaxToolRounds = 2 }, timeout.Token);
        agent.WriteFile("a.txt", "a");
        var read = new ToolCall(agent.Tool("Read"), """{"path":"a.txt"}""");
        agent.Server.Enqueue(
            ModelStep.ToolCalls(read with { Id = Id(provider, "r1") }),
            ModelStep.ToolCalls(read with { Id = Id(provider, "r2") }),
            ModelStep.ToolCalls(read with { Id = Id(provider, "r3a") }, read with { Id = Id(provider, "r3b") }),
            ModelStep.Text("never requested"));

        var result = await agent.TurnAsync("read forever", timeout.Token);

        Assert.Equal(TurnStop.ToolLimit, result.Stop);

        // The refusal is a tool result for the model, not an answer for the user.
        Assert.Equal(("", ""), (result.Text, agent.Observer.Text));
        Assert.Equal(3, agent.Server.Requests.Count);
        Assert.Equal(2, agent.Observer.Finished.Count);
        var notice = Assert.Single(agent.Observer.Notices);
        Assert.Contains("used its 2 tool rounds", notice, StringComparison.Ordinal);
        Assert.Contains(agent.TranscriptRecords(), r => r.Text("type") == "notice" && r.Text("text") == notice);
        Assert.Equal("toollimit", agent.TranscriptRecords()[^1].Text("stop"));

        // The refused round is answered in the history, so the next request is one a provider accepts.
        agent.Server.Enqueue(ModelStep.Text("Summary: a.txt holds 'a'."));
        var next = await agent.TurnAsync("continue", timeout.Token);

        Assert.Equal(TurnStop.Completed, next.Stop);
        var results = ToolResults(agent, 4);
        Assert.StartsWith("Not run: this turn reached its limit of 2 tool rounds", results[Id(provider, "r3a")], StringComparison.Ordinal);
        Assert.Equal("Not run: the turn ended.", results[Id(provider, "r3b")]);
        WireHistory.AssertValid(agent.Server.Requests[3], provider == ModelProvider.Anthropic);
    }

    private static ToolCall Edit(AgentHarness agent, string? id = null) =>
        new(agent.Tool("Edit"), """{"path":"schema.sql","old_string":"id int","new_string":"id bigint"}""", id);

    private static string Id(ModelProvider provider, string name) => provider == ModelProvider.Anthropic ? $"toolu_{name}" : $"call_{name}";

    /// <summary>The tool results that request number <paramref name="sequence"/> (1-based, as the server counts) carried to the model.</summary>
    private static IReadOnlyDictionary<string, string> ToolResults(AgentHarness agent, int sequence)
    {
        var request = agent.Server.Requests[sequence - 1];
        return agent.Options.Provider == ModelProvider.Anthropic ? WireHistory.AnthropicToolResults(request) : WireHistory.OpenAIToolResults(request);
    }
}
