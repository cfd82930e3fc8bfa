using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Chat;

/// <summary>Keys and database passwords never reach the session transcript or the markdown export.</summary>
public sealed class SecretTests : IAsyncLifetime
{
    private const string DatabasePassword = "pg-Secret-77aa";
    private const string DatabaseUrl = $"postgres://app:{DatabasePassword}@db.internal:5432/shop";

    private readonly TestWorkspace _workspace = TestWorkspace.Create();
    private ScriptedOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedOpenAIServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Tool_activity_on_stderr_of_print_mode_is_masked()
    {
        _workspace.Write(".env", $"OPENAI_API_KEY={TestEnvironment.ApiKey}\nDATABASE_URL={DatabaseUrl}\n");
        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Read", """{"path":".env"}""")),
            ModelStep.Text("The file holds your credentials."));
        var environment = TestEnvironment.ForOpenAI(_server);
        environment["DATABASE_URL"] = DatabaseUrl;

        var result = await DbxRunner.RunAsync(["chat", "-p", "What is in .env?"], _workspace.Options(environment));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("dbx: Read(path=\".env\") → succeeded: ", line, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY=***", line, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEnvironment.ApiKey, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_in_prompts_tool_results_and_answers_are_masked_in_the_session()
    {
        _workspace.Write(".env", $"OPENAI_API_KEY={TestEnvironment.ApiKey}\nDATABASE_URL={DatabaseUrl}\n");
        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Read", """{"path":".env"}""")),
            ModelStep.Text($"Your key is {TestEnvironment.ApiKey} and the URL is {DatabaseUrl}."));
        var environment = TestEnvironment.ForOpenAI(_server);
        environment["DATABASE_URL"] = DatabaseUrl;

        var result = await DbxRunner.RunAsync(["chat"], _workspace.Options(environment,
            $"Why does {DatabaseUrl} refuse me?\n/save export.md\n/exit\n"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        // The model did receive the file (it is the user's own workspace); what is kept on disk is masked.
        Assert.Contains(DatabasePassword, ModelRequests.Messages(_server.Requests[1])[^1].Text, StringComparison.Ordinal);
        var session = SessionFile.Read(Assert.Single(_workspace.SessionFiles()));
        var export = _workspace.Read("export.md");
        foreach (var saved in new[] { session.Text, export })
        {
            Assert.DoesNotContain(TestEnvironment.ApiKey, saved, StringComparison.Ordinal);
            Assert.DoesNotContain(DatabasePassword, saved, StringComparison.Ordinal);
        }

        Assert.Equal("Why does *** refuse me?", session.Messages("user")[0]);
        Assert.Contains(session.Records, r => (string?)r["role"] == "tool" && ((string?)r["text"])!.Contains("***", StringComparison.Ordinal));
    }
}
