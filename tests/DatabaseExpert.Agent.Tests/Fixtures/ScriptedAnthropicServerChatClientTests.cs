using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using DatabaseExpert.Testing.Models;
using Microsoft.Extensions.AI;

namespace DatabaseExpert.Agent.Tests.Fixtures;

/// <summary>The scripted Anthropic server driven by the official Anthropic SDK through its IChatClient adapter.</summary>
public sealed class ScriptedAnthropicServerChatClientTests
{
    private const string Model = "claude-scripted";
    private const string SystemPrompt = "You are a careful database engineer.";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NonStreaming_TextAndUsage_ReachTheChatResponse()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Text("Hello from the script.").WithUsage(12, 7));
        using var anthropic = CreateClient(server);
        using var chat = anthropic.AsIChatClient(Model);

        var response = await chat.GetResponseAsync(NewConversation(), cancellationToken: timeout.Token);

        Assert.Equal("Hello from the script.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal((12L, 7L, 19L), (response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount,
            response.Usage?.TotalTokenCount));
        var request = Assert.Single(server.Requests);
        AssertCarriesKeyModelAndSystemPrompt(request);
        Assert.False(request.IsStreaming);
    }

    [Fact]
    public async Task Streaming_TextArrivesInDeltasAndUsageAsUsageContent()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Text("Streaming works fine.", chunks: 4).WithUsage(20, 9));
        using var anthropic = CreateClient(server);
        using var chat = anthropic.AsIChatClient(Model);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(NewConversation(), cancellationToken: timeout.Token))
        {
            updates.Add(update);
        }

        var texts = updates.Select(update => update.Text).Where(text => text.Length > 0).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Equal("Streaming works fine.", string.Concat(texts));
        var usage = Assert.Single(updates.SelectMany(update => update.Contents).OfType<UsageContent>()).Details;
        Assert.Equal((20L, 9L), (usage.InputTokenCount, usage.OutputTokenCount));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);

        // Aggregated the M.E.AI way, the stream gives the same answer and usage as the non-streaming call.
        var response = updates.ToChatResponse();
        Assert.Equal("Streaming works fine.", response.Text);
        Assert.Equal(20L, response.Usage?.InputTokenCount);
        var request = Assert.Single(server.Requests);
        AssertCarriesKeyModelAndSystemPrompt(request);
        Assert.True(request.IsStreaming);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ToolUseRoundTrip_InvokesFunctionAndSendsToolResult(bool streaming)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(
            ModelStep.TextAndToolCalls("Let me look.", new ToolCall("read_file", """{"path":"a.txt"}""", "toolu_read_1"))
                .WithUsage(40, 10),
            ModelStep.Text("a.txt says hi.", chunks: 3).WithUsage(60, 5));
        using var anthropic = CreateClient(server);
        using var chat = anthropic.AsIChatClient(Model).AsBuilder().UseFunctionInvocation().Build();
        var readPaths = new List<string>();
        var options = new ChatOptions
        {
            Tools =
            [
                AIFunctionFactory.Create((string path) =>
                {
                    readPaths.Add(path);
                    return $"contents of {path}";
                }, "read_file", "Reads a text file."),
            ],
        };

        var response = streaming
            ? await chat.GetStreamingResponseAsync(NewConversation(), options, timeout.Token).ToChatResponseAsync(timeout.Token)
            : await chat.GetResponseAsync(NewConversation(), options, timeout.Token);

        Assert.Equal(["a.txt"], readPaths);
        Assert.EndsWith("a.txt says hi.", response.Text, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        var tools = server.Requests[0].RequiredJson.Items("tools").Select(tool => tool.Text("name"));
        Assert.Contains("read_file", tools);

        var messages = server.Requests[1].RequiredJson.Items("messages").ToList();
        var toolUse = Assert.Single(messages.SelectMany(message => message.Items("content")),
            block => block.Text("type") == "tool_use");
        Assert.Equal(("toolu_read_1", "read_file", "a.txt"),
            (toolUse.Text("id"), toolUse.Text("name"), toolUse.GetProperty("input").Text("path")));
        var toolResult = Assert.Single(messages.SelectMany(message => message.Items("content")),
            block => block.Text("type") == "tool_result");
        Assert.Equal("toolu_read_1", toolResult.Text("tool_use_id"));
        Assert.Contains("contents of a.txt", toolResult.FlatText("content"), StringComparison.Ordinal);

        // Function invocation sums the usage of both model calls.
        Assert.Equal((100L, 15L), (response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount));
    }

    [Fact]
    public async Task RateLimited_SdkRetryWaitsForRetryAfter()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Status(429, retryAfterSeconds: 1), ModelStep.Text("after the wait"));
        using var anthropic = CreateClient(server, maxRetries: 1);
        using var chat = anthropic.AsIChatClient(Model);

        var response = await chat.GetResponseAsync(NewConversation(), cancellationToken: timeout.Token);

        Assert.Equal("after the wait", response.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(["0", "1"], server.Requests.Select(request => request.Header("x-stainless-retry-count")));
        var gap = server.Requests[1].SinceServerStart - server.Requests[0].SinceServerStart;
        Assert.True(gap >= TimeSpan.FromSeconds(0.95), $"The retry came {gap.TotalMilliseconds} ms after the 429, before Retry-After: 1.");
    }

    [Theory]
    [InlineData(429, false)]
    [InlineData(429, true)]
    [InlineData(500, false)]
    [InlineData(500, true)]
    [InlineData(529, false)]
    public async Task ErrorStatus_WithoutRetries_ThrowsAnthropicApiExceptionWithStatus(int status, bool streaming)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Status(status, retryAfterSeconds: 30));
        using var anthropic = CreateClient(server);
        using var chat = anthropic.AsIChatClient(Model);

        var error = await Assert.ThrowsAnyAsync<AnthropicApiException>(() => CallAsync(chat, streaming, timeout.Token));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains("Scripted error", error.ApiMessage, StringComparison.Ordinal);
        Assert.Equal("req_scripted_1", error.RequestID);
        Assert.IsType(status switch
        {
            429 => typeof(AnthropicRateLimitException),
            529 => typeof(AnthropicOverloadedException),
            _ => typeof(Anthropic5xxException),
        }, error);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hang_IsCancelledByTheCallersToken(bool streaming)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Hang());
        using var anthropic = CreateClient(server, maxRetries: 2);
        using var chat = anthropic.AsIChatClient(Model);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);

        var call = CallAsync(chat, streaming, caller.Token);
        await server.WaitForRequestAsync(1, timeout.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task MalformedStream_ThrowsAnthropicInvalidDataException()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.MalformedStream());
        using var anthropic = CreateClient(server);
        using var chat = anthropic.AsIChatClient(Model);

        var received = new StringBuilder();
        await Assert.ThrowsAsync<AnthropicInvalidDataException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync(NewConversation(), cancellationToken: timeout.Token))
            {
                received.Append(update.Text);
            }
        });

        Assert.Equal("partial", received.ToString());
    }

    [Fact]
    public async Task MalformedBody_NonStreaming_ThrowsJsonException()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.MalformedStream());
        using var anthropic = CreateClient(server);
        using var chat = anthropic.AsIChatClient(Model);

        // Unlike the stream, a broken JSON body is not wrapped in an Anthropic exception.
        await Assert.ThrowsAsync<JsonException>(() => chat.GetResponseAsync(NewConversation(), cancellationToken: timeout.Token));
    }

    [Fact]
    public async Task ScriptExhausted_FailsAtOnceWithClearMessage()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        using var anthropic = CreateClient(server, maxRetries: 2);
        using var chat = anthropic.AsIChatClient(Model);

        var error = await Assert.ThrowsAsync<Anthropic5xxException>(() => chat.GetResponseAsync(NewConversation(),
            cancellationToken: timeout.Token));

        Assert.Contains("script exhausted", error.ApiMessage, StringComparison.Ordinal);

        // x-should-retry: false stops the SDK's own retries, so an exhausted script fails on the first attempt.
        Assert.Single(server.Requests);
    }

    private static AnthropicClient CreateClient(ScriptedAnthropicServer server, int maxRetries = 0) => new()
    {
        BaseUrl = server.BaseUri.ToString(),
        ApiKey = "test-key",
        MaxRetries = maxRetries,
    };

    private static List<ChatMessage> NewConversation() =>
    [
        new(ChatRole.System, SystemPrompt),
        new(ChatRole.User, "What does a.txt say?"),
    ];

    private static async Task CallAsync(IChatClient chat, bool streaming, CancellationToken cancellationToken)
    {
        if (!streaming)
        {
            await chat.GetResponseAsync(NewConversation(), cancellationToken: cancellationToken);
            return;
        }

        await foreach (var update in chat.GetStreamingResponseAsync(NewConversation(), cancellationToken: cancellationToken))
        {
            Assert.NotNull(update);
        }
    }

    private static void AssertCarriesKeyModelAndSystemPrompt(RecordedRequest request)
    {
        Assert.Equal(("POST", "/v1/messages"), (request.Method, request.Path));
        // Anthropic 13.x sends ApiKey as a bearer token; there is no x-api-key header any more.
        Assert.Equal("Bearer test-key", request.Header("Authorization"));
        Assert.Null(request.Header("x-api-key"));
        Assert.NotNull(request.Header("anthropic-version"));
        var body = request.RequiredJson;
        Assert.Equal(Model, body.Text("model"));
        Assert.Equal(SystemPrompt, body.FlatText("system"));
        var user = Assert.Single(body.Items("messages"));
        Assert.Equal("user", user.Text("role"));
    }
}
