using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Chat;

/// <summary><c>dbx chat -p</c> against a scripted OpenAI-compatible server.</summary>
public sealed class PrintModeTests : IAsyncLifetime
{
    private const string Schema = "CREATE TABLE users (id int PRIMARY KEY, email text);\n";
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
    public async Task Prints_exactly_the_answer_and_saves_the_session()
    {
        const string Answer = "Add a partial index on users(email) WHERE deleted_at IS NULL.";
        _server.Enqueue(ModelStep.Text(Answer, chunks: 5).WithUsage(120, 14));

        var result = await RunAsync("chat", "-p", "How do I speed up the email lookup?");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(Answer + "\n", result.Stdout);
        Assert.Empty(result.Stderr);
        var request = Assert.Single(_server.Requests);
        var messages = ModelRequests.Messages(request);
        Assert.Equal("system", messages[0].Role);
        Assert.Contains(TestWorkspace.PersonaText, messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("How do I speed up the email lookup?", ModelRequests.LastUser(request).Text);
        Assert.Equal("test-model", request.RequiredJson.GetProperty("model").GetString());
        Assert.Equal($"Bearer {TestEnvironment.ApiKey}", request.Header("Authorization"));

        var session = SessionFile.Read(Assert.Single(_workspace.SessionFiles()));
        Assert.Equal(["How do I speed up the email lookup?"], session.Messages("user"));
        Assert.Equal([Answer], session.Messages("assistant"));
        Assert.True(File.Exists(_workspace.PathOf(".dbx/.gitignore")));
        Assert.Contains("*", File.ReadAllLines(_workspace.PathOf(".dbx/.gitignore")));
    }

    [Fact]
    public async Task Piped_stdin_is_appended_to_the_prompt()
    {
        const string Plan = "Seq Scan on users  (cost=0.00..35.50 rows=10 width=36)\n  Filter: (email = 'a@b.c'::text)\n";
        _server.Enqueue(ModelStep.Text("The filter has no index."));

        var result = await RunWithStdinAsync(Plan, "chat", "-p", "Explain this plan:");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var sent = ModelRequests.LastUser(Assert.Single(_server.Requests)).Text;
        Assert.StartsWith("Explain this plan:", sent, StringComparison.Ordinal);
        Assert.Contains(Plan.TrimEnd(), sent, StringComparison.Ordinal);
        Assert.Equal("The filter has no index.\n", result.Stdout);
    }

    [Fact]
    public async Task An_edit_in_ask_mode_is_denied_and_stderr_names_the_fix()
    {
        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Edit", EditArguments)),
            ModelStep.Text("I could not change schema.sql."));

        var result = await RunAsync("chat", "-p", "Make users.id a bigint");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(Schema, _workspace.Read("schema.sql"));
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("dbx: Edit(", line, StringComparison.Ordinal);
        Assert.Contains("→ denied", line, StringComparison.Ordinal);
        Assert.Contains("--permission-mode accept-edits", line, StringComparison.Ordinal);
        // The model learns why, so it can tell the user instead of failing.
        var toolResult = ModelRequests.Messages(_server.Requests[1])[^1];
        Assert.Equal("tool", toolResult.Role);
        Assert.StartsWith("Denied:", toolResult.Text, StringComparison.Ordinal);
        Assert.Equal("I could not change schema.sql.\n", result.Stdout);
    }

    [Fact]
    public async Task Accept_edits_mode_applies_the_edit()
    {
        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("workspace-Edit", EditArguments)),
            ModelStep.Text("users.id is now a bigint."));

        var result = await RunAsync("chat", "-p", "Make users.id a bigint", "--permission-mode", "accept-edits");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(Schema.Replace("id int", "id bigint", StringComparison.Ordinal), _workspace.Read("schema.sql"));
        Assert.Contains("→ succeeded", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal("users.id is now a bigint.\n", result.Stdout);
    }

    [Fact]
    public async Task Server_errors_exit_3_with_one_line_naming_provider_and_status()
    {
        _server.Enqueue(
            ModelStep.Status(500, retryAfterMilliseconds: 1, message: "upstream exploded"),
            ModelStep.Status(500, retryAfterMilliseconds: 1, message: "upstream exploded"));

        var result = await RunAsync("chat", "-p", "hello");

        Assert.True(result.ExitCode == ExitCodes.Runtime, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("dbx: openai: ", line, StringComparison.Ordinal);
        Assert.Contains("500", line, StringComparison.Ordinal);
        Assert.Contains("2 attempts", line, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("\n", result.Stdout);
    }

    [Fact]
    public async Task An_empty_prompt_is_a_usage_error()
    {
        var result = await RunAsync("chat", "-p", "  ");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("dbx: the prompt given to -p is empty", Assert.Single(result.StderrLines));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_missing_workspace_folder_is_a_usage_error()
    {
        var result = await RunAsync("chat", "-p", "hi", "--workspace", "no-such-folder");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no-such-folder does not exist", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_retry_setting_is_a_usage_error_not_a_crash()
    {
        var environment = TestEnvironment.ForOpenAI(_server);
        environment["DBX_MODEL_MAX_ATTEMPTS"] = "lots";

        var result = await DbxRunner.RunAsync(["chat", "-p", "hi"], _workspace.Options(environment));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("DBX_MODEL_MAX_ATTEMPTS='lots'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", line, StringComparison.Ordinal);
    }

    private Task<DbxResult> RunAsync(params string[] args) => RunWithStdinAsync(null, args);

    private Task<DbxResult> RunWithStdinAsync(string? stdin, params string[] args) =>
        DbxRunner.RunAsync(args, _workspace.Options(TestEnvironment.ForOpenAI(_server), stdin));
}
