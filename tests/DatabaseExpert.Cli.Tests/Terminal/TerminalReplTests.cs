using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Terminal;

/// <summary>The real dbx binary in a real terminal (tmux): what a person at the keyboard sees and does.</summary>
public sealed class TerminalReplTests : IAsyncLifetime
{
    private const string Schema = "CREATE TABLE accounts (id int PRIMARY KEY, name text);\n";
    private const string EditArguments = """{"path":"schema.sql","old_string":"id int","new_string":"id bigint"}""";
    private const string DatabasePassword = "tty-Secret-5150";

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
    public async Task Chat_streams_asks_before_editing_survives_ctrl_c_and_exits()
    {
        await using var terminal = await StartChatAsync();
        var screen = await terminal.WaitForPromptAsync(1);
        Assert.Contains($"dbx chat · {TestWorkspace.AgentName} · openai:test-model · ask mode · session ", screen, StringComparison.Ordinal);

        // A streamed answer.
        _server.Enqueue(ModelStep.Text("Hello from the scripted model.", chunks: 4));
        await terminal.TypeAsync("hi there");
        await terminal.PressAsync("Enter");
        await terminal.WaitForTextAsync("Hello from the scripted model.");
        await terminal.WaitForPromptAsync(2);

        // An edit: the tool call line, the diff, the question; "y" applies it.
        _server.Enqueue(
            ModelStep.TextAndToolCalls("Widening the key.", new ToolCall("workspace-Edit", EditArguments)),
            ModelStep.Text("accounts.id is a bigint now."));
        await terminal.TypeAsync("make accounts.id a bigint");
        await terminal.PressAsync("Enter");
        screen = await terminal.WaitForTextAsync("Allow?");
        Assert.Contains("Widening the key.", screen, StringComparison.Ordinal);
        Assert.Contains("⏺ Edit(", screen, StringComparison.Ordinal);
        Assert.Contains("? Edit wants to change a file: edit schema.sql (+1 −1)", screen, StringComparison.Ordinal);
        Assert.Contains("-CREATE TABLE accounts (id int PRIMARY KEY, name text);", screen, StringComparison.Ordinal);
        Assert.Contains("+CREATE TABLE accounts (id bigint PRIMARY KEY, name text);", screen, StringComparison.Ordinal);
        Assert.Equal(Schema, _workspace.Read("schema.sql"));
        await terminal.TypeAsync("y");
        await terminal.WaitForTextAsync("accounts.id is a bigint now.");
        Assert.Equal(Schema.Replace("id int", "id bigint", StringComparison.Ordinal), _workspace.Read("schema.sql"));
        await terminal.WaitForPromptAsync(3);

        // Ctrl-C while the model hangs cancels the turn, not the session.
        _server.Enqueue(ModelStep.Hang());
        var hanging = _server.WaitForRequestAsync(_server.Requests.Count + 1, CancellationToken.None);
        await terminal.TypeAsync("a slow question");
        await terminal.PressAsync("Enter");
        await hanging.WaitAsync(TimeSpan.FromSeconds(15));
        await terminal.PressAsync("C-c");
        await terminal.WaitForTextAsync("⏹ cancelled");
        await terminal.WaitForPromptAsync(4);
        _server.Enqueue(ModelStep.Text("Still here after the interruption."));
        await terminal.TypeAsync("are you there?");
        await terminal.PressAsync("Enter");
        await terminal.WaitForTextAsync("Still here after the interruption.");
        await terminal.WaitForPromptAsync(5);

        await terminal.TypeAsync("/exit");
        await terminal.PressAsync("Enter");
        Assert.Equal(0, await terminal.WaitForExitAsync());
        Assert.Contains("Session saved to", await terminal.CaptureAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_editing_history_completion_and_ctrl_keys()
    {
        var secretPrompt = $"why does postgres://app:{DatabasePassword}@db.internal:5432/shop time out?";
        await using (var terminal = await StartChatAsync())
        {
            await terminal.WaitForPromptAsync(1);

            // Home and Left move the cursor; typed characters are inserted there.
            _server.Enqueue(ModelStep.Text("First answer."));
            await terminal.TypeAsync("ello wrld");
            await terminal.PressAsync("Home");
            await terminal.TypeAsync("h");
            await terminal.PressAsync("End", "Left", "Left", "Left");
            await terminal.TypeAsync("o");
            await terminal.WaitForAsync(screen => LastPrompt(screen) == "› hello world", "the edited line");
            await terminal.PressAsync("Enter");
            await terminal.WaitForTextAsync("First answer.");
            Assert.Equal("hello world", ModelRequests.LastUser(_server.Requests[^1]).Text);

            _server.Enqueue(ModelStep.Text("Second answer."));
            await terminal.WaitForPromptAsync(2);
            await terminal.TypeAsync(secretPrompt);
            await terminal.PressAsync("Enter");
            await terminal.WaitForTextAsync("Second answer.");

            // Up recalls earlier lines, newest first.
            _server.Enqueue(ModelStep.Text("Third answer."));
            await terminal.WaitForPromptAsync(3);
            await terminal.PressAsync("Up");
            await terminal.WaitForAsync(screen => LastPrompt(screen) == "› " + secretPrompt, "the newest history entry");
            await terminal.PressAsync("Up");
            await terminal.WaitForAsync(screen => LastPrompt(screen) == "› hello world", "the older history entry");
            await terminal.PressAsync("Enter");
            await terminal.WaitForTextAsync("Third answer.");
            Assert.Equal("hello world", ModelRequests.LastUser(_server.Requests[^1]).Text);

            // Tab completes slash commands.
            await terminal.WaitForPromptAsync(4);
            await terminal.TypeAsync("/too");
            await terminal.PressAsync("Tab");
            await terminal.WaitForAsync(screen => LastPrompt(screen) == "› /tools", "the completed command");
            await terminal.PressAsync("Enter");
            var tools = await terminal.WaitForAsync(
                screen => screen.Split('\n').Any(l => l.TrimStart().StartsWith("Edit ", StringComparison.Ordinal) && l.Contains("asks", StringComparison.Ordinal)),
                "the tool list");
            // One line per tool, each within the terminal's width (a wrapped line would not start with the indent).
            var toolLines = tools.Split('\n').SkipWhile(l => l != "› /tools").Skip(1).TakeWhile(l => !l.StartsWith('›')).ToList();
            Assert.True(toolLines.Count >= 6, tools);
            Assert.All(toolLines, l => Assert.StartsWith("  ", l, StringComparison.Ordinal));

            // Ctrl-C at the prompt clears the line and keeps the session; Ctrl-D on an empty line quits.
            await terminal.WaitForPromptAsync(5);
            await terminal.TypeAsync("never sent");
            await terminal.PressAsync("C-c");
            await terminal.WaitForPromptAsync(6);
            await terminal.PressAsync("C-c");
            await terminal.WaitForTextAsync("(Ctrl-D or /exit quits)");
            await terminal.PressAsync("C-d");
            var status = await terminal.WaitForExitAsync();
            Assert.True(status == 0, $"exit {status}:\n{await terminal.CaptureAsync()}");
        }

        Assert.Equal(3, _server.Requests.Count);
        var history = _workspace.Read(".dbx/history");
        Assert.Contains("hello world", history, StringComparison.Ordinal);
        Assert.Contains("/tools", history, StringComparison.Ordinal);
        Assert.DoesNotContain("never sent", history, StringComparison.Ordinal);
        var session = SessionFile.Read(Assert.Single(_workspace.SessionFiles()));
        foreach (var saved in new[] { history, session.Text })
        {
            Assert.DoesNotContain(DatabasePassword, saved, StringComparison.Ordinal);
            Assert.DoesNotContain(TestEnvironment.ApiKey, saved, StringComparison.Ordinal);
        }

        // The history outlives the session.
        await using var next = await StartChatAsync();
        await next.WaitForPromptAsync(1);
        await next.PressAsync("Up");
        await next.WaitForAsync(screen => LastPrompt(screen) == "› /tools", "history from the previous session");
        await next.PressAsync("C-u", "C-d");
        Assert.Equal(0, await next.WaitForExitAsync());
    }

    [Fact]
    public async Task Approval_no_with_a_reason_then_always_for_the_session()
    {
        const string Reason = "not during business hours";
        await using var terminal = await StartChatAsync();
        await terminal.WaitForPromptAsync(1);

        // "n", then a reason on a visible prompt: the model reads it.
        _server.Enqueue(ModelStep.ToolCalls(new ToolCall("workspace-Edit", EditArguments)), ModelStep.Text("Leaving it as it is."));
        await terminal.TypeAsync("make accounts.id a bigint");
        await terminal.PressAsync("Enter");
        await terminal.WaitForTextAsync("Allow?");
        await terminal.TypeAsync("n");
        await terminal.WaitForTextAsync("Tell the agent why (optional, Enter to skip):");
        await terminal.TypeAsync(Reason);
        await terminal.PressAsync("Enter");
        var screen = await terminal.WaitForTextAsync("Leaving it as it is.");
        Assert.Contains($"Tell the agent why (optional, Enter to skip): {Reason}", screen, StringComparison.Ordinal);
        Assert.Contains($"✗ denied the user declined: {Reason}", screen, StringComparison.Ordinal);
        Assert.Contains($"the user declined: {Reason}", ModelRequests.Messages(_server.Requests[1])[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Schema, _workspace.Read("schema.sql"));

        // "a" approves this edit and every later one in the session without asking again.
        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Edit", EditArguments)),
            ModelStep.ToolCalls(new ToolCall(
                "workspace-Edit", """{"path":"schema.sql","old_string":"name text","new_string":"name varchar(200)"}""")),
            ModelStep.Text("Both changes are in."));
        await terminal.WaitForPromptAsync(2);
        await terminal.TypeAsync("do it anyway");
        await terminal.PressAsync("Enter");
        await terminal.WaitForTextAsync("Allow?", 2);
        await terminal.TypeAsync("a");
        screen = await terminal.WaitForTextAsync("Both changes are in.");
        Assert.Equal(2, TmuxTerminal.Occurrences(screen, "Allow?"));
        Assert.Contains("yes, for this session", screen, StringComparison.Ordinal);
        Assert.Equal("CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(200));\n", _workspace.Read("schema.sql"));
    }

    [Fact]
    public async Task A_multi_line_paste_is_one_message()
    {
        await using var terminal = await StartChatAsync();
        await terminal.WaitForPromptAsync(1);
        _server.Enqueue(ModelStep.Text("Two statements."));

        await terminal.PasteAsync("SELECT 1;\nSELECT 2;");
        await terminal.WaitForAsync(screen => LastPrompt(screen) == "› SELECT 1;⏎SELECT 2;", "the pasted lines in one input");
        Assert.Empty(_server.Requests);
        await terminal.PressAsync("Enter");
        await terminal.WaitForTextAsync("Two statements.");

        Assert.Equal("SELECT 1;\nSELECT 2;", ModelRequests.LastUser(Assert.Single(_server.Requests)).Text);
    }

    private static string LastPrompt(string screen) =>
        screen.Split('\n').LastOrDefault(l => l.StartsWith('›')) ?? string.Empty;

    private Task<TmuxTerminal> StartChatAsync()
    {
        var environment = DbxBinary.WithRuntime(TestEnvironment.ForOpenAI(_server));
        environment["DATABASE_URL"] = $"postgres://app:{DatabasePassword}@db.internal:5432/shop";
        return TmuxTerminal.StartAsync([DbxBinary.Path, "chat"], environment, _workspace.Root);
    }
}
