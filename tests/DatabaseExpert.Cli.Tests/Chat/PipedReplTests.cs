using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Chat;

/// <summary>The REPL driven through a pipe, the way scripts use it: each line is a prompt, a command or an answer.</summary>
public sealed class PipedReplTests : IAsyncLifetime
{
    private const string Schema = "CREATE TABLE orders (id int PRIMARY KEY, total numeric);\n";
    private const string EditArguments = """{"path":"schema.sql","old_string":"id int","new_string":"id bigint"}""";

    private readonly TestWorkspace _workspace = TestWorkspace.Create();
    private ScriptedOpenAIServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedOpenAIServer.StartAsync(CancellationToken.None);
        _workspace.Write("schema.sql", Schema);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Conversation_with_an_approved_edit_commands_and_export()
    {
        _server.Enqueue(
            ModelStep.TextAndToolCalls("Widening the key.", new ToolCall("workspace-Edit", EditArguments)).WithUsage(100, 20),
            ModelStep.Text("orders.id is a bigint now.").WithUsage(150, 10),
            ModelStep.Text("Next, index orders(total).").WithUsage(200, 8));
        var stdin = string.Join('\n',
            "Make orders.id a bigint",
            "y",
            "What next?",
            "/tools",
            "/cost",
            "/save out.md",
            "/exit",
            "never read");

        var result = await RunAsync(stdin);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(Schema.Replace("id int", "id bigint", StringComparison.Ordinal), _workspace.Read("schema.sql"));
        Assert.Equal(3, _server.Requests.Count);

        // The approval showed the diff before asking.
        var stdout = result.Stdout;
        Assert.Contains("? Edit wants to change a file: edit schema.sql (+1 −1)", stdout, StringComparison.Ordinal);
        Assert.Contains("-CREATE TABLE orders (id int PRIMARY KEY, total numeric);", stdout, StringComparison.Ordinal);
        Assert.Contains("+CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);", stdout, StringComparison.Ordinal);
        Assert.Contains("Allow? yes · always this session · no  yes", stdout, StringComparison.Ordinal);
        Assert.Contains("⏺ Edit(", stdout, StringComparison.Ordinal);
        Assert.Contains("⎿ ✓", stdout, StringComparison.Ordinal);

        // /tools: Edit asks in ask mode, Read runs.
        Assert.Matches(@"(?m)^\s+Edit\s+asks Edit ·", stdout);
        Assert.Matches(@"(?m)^\s+Read\s+runs ReadOnly ·", stdout);
        // /cost: the last turn and the session totals, from the usage the server reported.
        Assert.Contains("Last turn: 200 in, 8 out", stdout, StringComparison.Ordinal);
        Assert.Contains("Session:   450 in, 38 out over 2 turns", stdout, StringComparison.Ordinal);

        var export = _workspace.Read("out.md");
        Assert.Contains("## You\n\nMake orders.id a bigint", export, StringComparison.Ordinal);
        Assert.Contains("## You\n\nWhat next?", export, StringComparison.Ordinal);
        Assert.Contains("orders.id is a bigint now.", export, StringComparison.Ordinal);
        Assert.Contains("Next, index orders(total).", export, StringComparison.Ordinal);
        Assert.Contains("tool call `Edit`", export, StringComparison.Ordinal);

        var session = SessionFile.Read(Assert.Single(_workspace.SessionFiles()));
        Assert.Equal(["Make orders.id a bigint", "What next?"], session.Messages("user"));
        Assert.Contains("orders.id is a bigint now.", session.Messages("assistant"));
        Assert.Contains("Next, index orders(total).", session.Messages("assistant"));
        Assert.Contains(session.Records, r =>
            (string?)r["type"] == "tool" && (string?)r["tool"] == "Edit" && (string?)r["status"] == "succeeded");
        Assert.Contains($"resume with: dbx chat --resume {session.Id}", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("never read", session.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_an_edit_passes_the_reason_to_the_model()
    {
        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Edit", EditArguments)),
            ModelStep.Text("Understood, leaving it."));

        var result = await RunAsync("Make orders.id a bigint\nn\nkeep int until the migration window\n/exit\n");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(Schema, _workspace.Read("schema.sql"));
        var toolResult = ModelRequests.Messages(_server.Requests[1])[^1];
        Assert.Equal("tool", toolResult.Role);
        Assert.Contains("the user declined: keep int until the migration window", toolResult.Text, StringComparison.Ordinal);
        Assert.Contains("✗ denied", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "Tell the agent why (optional, Enter to skip): keep int until the migration window", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_of_input_at_an_approval_answers_no()
    {
        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Edit", EditArguments)),
            ModelStep.Text("Not changed."));

        var result = await RunAsync("Make orders.id a bigint\n");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(Schema, _workspace.Read("schema.sql"));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Slash_commands_never_reach_the_model()
    {
        var result = await RunAsync("/help\n/skills pg-tips\n/permissions accept-edits\n/model\n/frob\n/resume\n/clear\n");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Empty(_server.Requests);
        var stdout = result.Stdout;
        Assert.Contains("/permissions [ask|accept-edits|plan|bypass]", stdout, StringComparison.Ordinal);
        Assert.Contains("references/partial-indexes.md", stdout, StringComparison.Ordinal);
        Assert.Contains("Mode: accept-edits", stdout, StringComparison.Ordinal);
        Assert.Contains($"Model: openai:test-model at {_server.BaseUri}", stdout, StringComparison.Ordinal);
        Assert.Contains("Unknown command /frob.", stdout, StringComparison.Ordinal);
        Assert.Contains("(current)", stdout, StringComparison.Ordinal);
        Assert.Contains("Conversation cleared.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_turn_keeps_the_session_alive()
    {
        _server.Enqueue(
            ModelStep.Status(500, retryAfterMilliseconds: 1),
            ModelStep.Status(500, retryAfterMilliseconds: 1),
            ModelStep.Text("Back again."));

        var result = await RunAsync("first\nsecond\n/exit\n");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("✗ openai: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Back again.", result.Stdout, StringComparison.Ordinal);
        // The failed message stays in the conversation, so the next request carries it.
        var users = ModelRequests.Messages(_server.Requests[2]).Where(m => m.Role == "user").Select(m => m.Text).ToList();
        Assert.Equal(["first", "second"], users);
    }

    private Task<DbxResult> RunAsync(string stdin) =>
        DbxRunner.RunAsync(["chat"], _workspace.Options(TestEnvironment.ForOpenAI(_server), stdin));
}
