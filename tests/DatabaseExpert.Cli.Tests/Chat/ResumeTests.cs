using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Chat;

public sealed class ResumeTests : IAsyncLifetime
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();
    private ScriptedOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedOpenAIServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Resume_without_an_id_continues_the_newest_session()
    {
        var first = await StartSessionAsync("Alpha question", "Alpha answer");
        var second = await StartSessionAsync("Beta question", "Beta answer");
        _server.Enqueue(ModelStep.Text("Continuing beta."));

        var result = await RunAsync("chat", "-p", "And then?", "--resume");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var sent = ModelRequests.Messages(_server.Requests[^1]);
        Assert.Equal(["user", "assistant", "user"], sent.Skip(1).Select(m => m.Role));
        Assert.Equal(["Beta question", "Beta answer", "And then?"], sent.Skip(1).Select(m => m.Text));
        // The new turn is appended to the resumed session's file; no third session appears.
        Assert.Equal(2, _workspace.SessionFiles().Count);
        Assert.Equal(["Beta question", "And then?"], SessionFile.Read(second).Messages("user"));
        Assert.Equal(["Alpha question"], SessionFile.Read(first).Messages("user"));
    }

    [Fact]
    public async Task Resume_with_an_id_prefix_continues_that_session()
    {
        var first = SessionFile.Read(await StartSessionAsync("Alpha question", "Alpha answer"));
        await StartSessionAsync("Beta question", "Beta answer");
        _server.Enqueue(ModelStep.Text("Continuing alpha."));

        var result = await RunAsync("chat", "-p", "More on alpha", "--resume", first.Id[..^2]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var sent = ModelRequests.Messages(_server.Requests[^1]).Skip(1).Select(m => m.Text).ToList();
        Assert.Equal(["Alpha question", "Alpha answer", "More on alpha"], sent);
    }

    [Fact]
    public async Task Repl_resume_says_how_many_messages_it_brought_back()
    {
        await StartSessionAsync("Alpha question", "Alpha answer");
        _server.Enqueue(ModelStep.Text("Still here."));

        var result = await DbxRunner.RunAsync(["chat", "--resume"],
            _workspace.Options(TestEnvironment.ForOpenAI(_server), "Anything else?\n/exit\n"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("Resumed with 2 earlier messages.", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["Alpha question", "Alpha answer", "Anything else?"],
            ModelRequests.Messages(_server.Requests[^1]).Skip(1).Select(m => m.Text));
    }

    [Fact]
    public async Task Repl_slash_resume_switches_to_another_session_and_clear_forgets()
    {
        var first = SessionFile.Read(await StartSessionAsync("Alpha question", "Alpha answer"));
        _server.Enqueue(ModelStep.Text("Back on alpha."), ModelStep.Text("Fresh start."));

        var result = await DbxRunner.RunAsync(["chat"], _workspace.Options(
            TestEnvironment.ForOpenAI(_server), $"/resume {first.Id}\nContinue alpha\n/clear\nNew topic\n/exit\n"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains($"Resumed {first.Id} (2 messages).", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["Alpha question", "Alpha answer", "Continue alpha"],
            ModelRequests.Messages(_server.Requests[^2]).Skip(1).Select(m => m.Text));
        Assert.Equal(["New topic"], ModelRequests.Messages(_server.Requests[^1]).Skip(1).Select(m => m.Text));
        // Both turns went to the resumed transcript, which also records the clear.
        var transcript = SessionFile.Read(first.Path);
        Assert.Equal(["Alpha question", "Continue alpha", "New topic"], transcript.Messages("user"));
        Assert.Contains(transcript.Records, r => (string?)r["type"] == "clear");
        // The session the REPL opened with was left unused: no file remains for it.
        Assert.Single(_workspace.SessionFiles());
    }

    [Fact]
    public async Task A_session_left_without_a_word_is_not_kept_so_resume_finds_the_last_conversation()
    {
        await StartSessionAsync("Alpha question", "Alpha answer");

        var idle = await DbxRunner.RunAsync(["chat"], _workspace.Options(TestEnvironment.ForOpenAI(_server), "/help\n/exit\n"));
        _server.Enqueue(ModelStep.Text("Continuing alpha."));
        var resumed = await RunAsync("chat", "-p", "And then?", "--resume");

        Assert.True(idle.ExitCode == ExitCodes.Ok, idle.ToString());
        Assert.Contains("no session saved", idle.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("resume with", idle.Stdout, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.ToString());
        Assert.Equal(["Alpha question", "Alpha answer", "And then?"], ModelRequests.Messages(_server.Requests[^1]).Skip(1).Select(m => m.Text));
        Assert.Single(_workspace.SessionFiles());
    }

    [Fact]
    public async Task Resume_of_an_unknown_id_is_a_usage_error_listing_recent_sessions()
    {
        var first = SessionFile.Read(await StartSessionAsync("Alpha question", "Alpha answer"));

        var result = await RunAsync("chat", "-p", "hello", "--resume", "19990101");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("no session '19990101'", line, StringComparison.Ordinal);
        Assert.Contains(first.Id, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_with_no_sessions_says_how_to_start_one()
    {
        var result = await RunAsync("chat", "-p", "hello", "--resume");

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("no saved sessions", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    /// <summary>Runs one -p turn in a new session and returns its transcript file.</summary>
    private async Task<string> StartSessionAsync(string question, string answer)
    {
        var before = _workspace.SessionFiles();
        _server.Enqueue(ModelStep.Text(answer));
        var result = await RunAsync("chat", "-p", question);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return Assert.Single(_workspace.SessionFiles().Except(before));
    }

    private Task<DbxResult> RunAsync(params string[] args) =>
        DbxRunner.RunAsync(args, _workspace.Options(TestEnvironment.ForOpenAI(_server)));
}
