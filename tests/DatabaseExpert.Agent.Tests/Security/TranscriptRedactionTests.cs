using System.Text.Json;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Tests.Runtime;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Security;

/// <summary>Secrets typed by the user, read by tools or repeated by the model never reach the transcript on disk.</summary>
public sealed class TranscriptRedactionTests
{
    private const string ApiKey = "sk-proj-Q3x9Secret7Key8Value2Abc4Def6";
    private const string Context7Key = "c7-plain-Zq81xWv0";
    private const string UrlPassword = "hunter2-Very-Secret";
    private const string KeywordPassword = "Tr0ub4dor&3";
    private const string Url = "postgres://app_user:" + UrlPassword + "@db.internal:5432/shop";
    private const string ConnectionString = "Host=db;Username=app;Password=" + KeywordPassword + ";Database=shop";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task No_secret_reaches_the_jsonl_file_and_the_masks_do(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions
            {
                Provider = provider,
                ApiKey = ApiKey,
                SecretEnvironment = new Dictionary<string, string?>
                {
                    [ModelCredentials.KeyVariable(provider)] = ApiKey,
                    ["CONTEXT7_API_KEY"] = Context7Key,
                },
            },
            timeout.Token);
        agent.WriteFile("config/db.env", $"DATABASE_URL={Url}\nADO={ConnectionString}\nOPENAI_API_KEY={ApiKey}\nC7={Context7Key}\n");
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Read"), """{"path":"config/db.env"}""")),
            ModelStep.ToolCalls(new ToolCall(
                agent.Tool("Write"),
                JsonSerializer.Serialize(new { path = "notes.md", content = $"connect with {ConnectionString} or {Url}" }))),
            ModelStep.Text($"Use {Url} (key {ApiKey}); {ConnectionString}.", chunks: 5));

        var result = await agent.TurnAsync(
            $"My key is {ApiKey} and context7 is {Context7Key}. The db is {Url}, in ADO terms {ConnectionString}. Check config/db.env.",
            timeout.Token);

        Assert.Equal(TurnStop.Completed, result.Stop);
        Assert.Equal(2, agent.Observer.Finished.Count);

        var raw = agent.ReadTranscript();
        var strings = string.Join("\n", agent.TranscriptRecords().SelectMany(Strings));
        foreach (var secret in new[] { ApiKey, Context7Key, UrlPassword, KeywordPassword, "Tr0ub4dor" })
        {
            Assert.DoesNotContain(secret, strings, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        }

        Assert.Contains("postgres://app_user:***@db.internal:5432/shop", strings, StringComparison.Ordinal);
        Assert.Contains("Password=***;Database=shop", strings, StringComparison.Ordinal);
        Assert.Contains("My key is *** and context7 is ***.", strings, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY=***", strings, StringComparison.Ordinal);

        // Redaction is for the file only: the model was given the real text, and the file it wrote is untouched.
        Assert.Contains(KeywordPassword, agent.Server.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal($"connect with {ConnectionString} or {Url}", agent.ReadFile("notes.md"));
    }

    [Fact]
    public async Task A_secret_cut_short_in_a_tool_summary_is_masked_before_it_is_cut()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Mode = PermissionMode.AcceptEdits }, timeout.Token);

        // Summaries keep the first ~100 characters of a result and ~60 of each argument: place the password across both cuts.
        agent.WriteFile("config/db.env", new string('#', 70) + Url + "\nsecond line\n");
        var content = new string('-', 31) + Url;
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Read"), """{"path":"config/db.env"}"""), new ToolCall(
                agent.Tool("Write"), JsonSerializer.Serialize(new { path = "notes.md", content }))),
            ModelStep.Text("Done."));

        await agent.TurnAsync("look", timeout.Token);

        var tools = agent.TranscriptRecords().Where(r => r.GetProperty("type").GetString() == "tool").ToList();
        Assert.Equal(2, tools.Count);
        foreach (var tool in tools)
        {
            var line = tool.GetRawText();
            Assert.DoesNotContain("hunter", line, StringComparison.Ordinal);
            Assert.Contains("app_user:***@", line, StringComparison.Ordinal);
        }

        // The user sees the masked form too, which is safe on a shared screen.
        Assert.All(agent.Observer.Finished, f => Assert.DoesNotContain("hunter", f.Call.ArgumentsSummary + f.Result.Summary, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
