using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Chat;

/// <summary><c>dbx chat -p</c> with an Anthropic model: the same contract as with OpenAI.</summary>
public sealed class AnthropicPrintModeTests : IAsyncLifetime
{
    private const string Schema = "CREATE TABLE items (id int PRIMARY KEY);\n";

    private readonly TestWorkspace _workspace = TestWorkspace.Create("accept-edits");
    private ScriptedAnthropicServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedAnthropicServer.StartAsync(CancellationToken.None);
        _workspace.Write("schema.sql", Schema);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Answers_and_edits_through_the_anthropic_protocol()
    {
        _server.Enqueue(ModelStep.Text("Items need a bigint key.", chunks: 3));

        var first = await RunAsync("Review schema.sql");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Equal("Items need a bigint key.\n", first.Stdout);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        // This SDK version sends the key as a bearer token; older ones used x-api-key.
        Assert.True(request.Header("x-api-key") == TestEnvironment.ApiKey || request.Header("Authorization") == $"Bearer {TestEnvironment.ApiKey}",
            string.Join("; ", request.Headers.Keys));
        Assert.Equal("test-model", request.RequiredJson.GetProperty("model").GetString());
        var editTool = request.RequiredJson.GetProperty("tools").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()!)
            .Single(n => n.EndsWith("Edit", StringComparison.Ordinal));

        _server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(editTool, """{"path":"schema.sql","old_string":"id int","new_string":"id bigint"}""")),
            ModelStep.Text("Done."));
        var second = await RunAsync("Apply it");

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Equal(Schema.Replace("id int", "id bigint", StringComparison.Ordinal), _workspace.Read("schema.sql"));
        Assert.Equal("Done.\n", second.Stdout);
        Assert.Contains("→ succeeded", Assert.Single(second.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overloaded_errors_exit_3_naming_the_provider()
    {
        _server.Enqueue(ModelStep.Status(529, retryAfterMilliseconds: 1), ModelStep.Status(529, retryAfterMilliseconds: 1));

        var result = await RunAsync("hello");

        Assert.True(result.ExitCode == ExitCodes.Runtime, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("dbx: anthropic: ", line, StringComparison.Ordinal);
        Assert.Contains("529", line, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, _server.Requests[0].RequiredJson.ValueKind);
    }

    private Task<DbxResult> RunAsync(string prompt) =>
        DbxRunner.RunAsync(["chat", "-p", prompt], _workspace.Options(TestEnvironment.ForAnthropic(_server)));
}
