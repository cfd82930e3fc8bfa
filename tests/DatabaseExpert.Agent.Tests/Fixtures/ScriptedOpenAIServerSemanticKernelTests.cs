using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using DatabaseExpert.Testing.Models;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace DatabaseExpert.Agent.Tests.Fixtures;

/// <summary>The scripted OpenAI server driven by Semantic Kernel's real OpenAI connector.</summary>
public sealed class ScriptedOpenAIServerSemanticKernelTests
{
    private const string SystemPrompt = "You are a careful database engineer.";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NonStreaming_ToolCallRoundTrip_InvokesFunctionAndSendsToolResult()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(
            ModelStep.ToolCalls(new ToolCall("files-read", """{"path":"a.txt"}""", "call_read_1")).WithUsage(30, 5),
            ModelStep.Text("The file says hi.").WithUsage(45, 6));
        var (kernel, files) = CreateKernel(server);

        var result = await kernel.GetRequiredService<IChatCompletionService>()
            .GetChatMessageContentAsync(NewHistory(), AutoTools(), kernel, timeout.Token);

        Assert.Equal("The file says hi.", result.Content);
        Assert.Equal(["a.txt"], files.ReadPaths);
        Assert.Equal(2, server.Requests.Count);
        AssertFirstRequestCarriesPromptKeyAndTools(server.Requests[0]);
        AssertCarriesToolResult(server.Requests[1], "call_read_1", "contents of a.txt");
        Assert.Equal(0, server.PendingSteps);

        // SK 1.82 puts the OpenAI SDK's ChatTokenUsage of the last request under Metadata["Usage"].
        var usage = Assert.IsType<ChatTokenUsage>(result.Metadata?["Usage"]);
        Assert.Equal((45, 6, 51), (usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount));
    }

    [Fact]
    public async Task Streaming_ToolCallRoundTrip_InvokesFunctionAndStreamsFinalText()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(
            ModelStep.TextAndToolCalls("Reading it.", new ToolCall("files-read", """{"path":"b.txt"}""", "call_read_2"))
                .WithChunks(textChunks: 2, argumentChunks: 4).WithUsage(31, 7),
            ModelStep.Text("It says hello back.", chunks: 5).WithUsage(52, 8));
        var (kernel, files) = CreateKernel(server);

        var updates = new List<StreamingChatMessageContent>();
        await foreach (var update in kernel.GetRequiredService<IChatCompletionService>()
                           .GetStreamingChatMessageContentsAsync(NewHistory(), AutoTools(), kernel, timeout.Token))
        {
            updates.Add(update);
        }

        Assert.Equal(["b.txt"], files.ReadPaths);
        Assert.EndsWith("It says hello back.", string.Concat(updates.Select(update => update.Content)), StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.True(request.IsStreaming));

        // The OpenAI SDK always asks for the usage chunk when streaming.
        var streamOptions = server.Requests[0].RequiredJson.GetProperty("stream_options");
        Assert.True(streamOptions.GetProperty("include_usage").GetBoolean());
        AssertFirstRequestCarriesPromptKeyAndTools(server.Requests[0]);
        AssertCarriesToolResult(server.Requests[1], "call_read_2", "contents of b.txt");

        // Streaming usage arrives as Metadata["Usage"] on the update made from the usage chunk (one per request).
        var usages = updates.Select(update => update.Metadata?.GetValueOrDefault("Usage")).OfType<ChatTokenUsage>().ToList();
        Assert.Equal([(31, 7), (52, 8)], usages.Select(usage => (usage.InputTokenCount, usage.OutputTokenCount)));
    }

    [Theory]
    [InlineData(429, 7)]
    [InlineData(500, null)]
    public async Task NonStreaming_ErrorStatus_SurfacesAsHttpOperationExceptionWithStatus(int status, int? retryAfter)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Status(status, retryAfterSeconds: retryAfter));
        var (kernel, _) = CreateKernel(server);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => kernel.GetRequiredService<IChatCompletionService>()
            .GetChatMessageContentAsync(NewHistory(), AutoTools(), kernel, timeout.Token));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains("Scripted error", error.ResponseContent, StringComparison.Ordinal);

        // SK gives the OpenAI SDK its own HttpClient and sets MaxRetries 0: retrying is the caller's job.
        Assert.Single(server.Requests);
        var inner = Assert.IsType<ClientResultException>(error.InnerException);
        Assert.Equal(status, inner.Status);
        Assert.Equal(retryAfter?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            inner.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var header) == true ? header : null);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Streaming_ErrorStatus_SurfacesAsClientResultExceptionWithStatus(int status)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Status(status, retryAfterSeconds: 3));
        var (kernel, _) = CreateKernel(server);

        // SK converts only the non-streaming call to HttpOperationException; the stream throws the SDK's exception.
        var error = await Assert.ThrowsAsync<ClientResultException>(() => DrainAsync(kernel, timeout.Token));

        Assert.Equal(status, error.Status);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Hang_IsCancelledByTheCallersToken(bool streaming)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Hang());
        var (kernel, _) = CreateKernel(server);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);

        var call = streaming
            ? DrainAsync(kernel, caller.Token)
            : kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(NewHistory(), AutoTools(), kernel,
                caller.Token);
        await server.WaitForRequestAsync(1, timeout.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task MalformedStream_ThrowsJsonException()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.MalformedStream());
        var (kernel, _) = CreateKernel(server);

        var received = new StringBuilder();
        await Assert.ThrowsAnyAsync<JsonException>(() => DrainAsync(kernel, timeout.Token, received));

        // The good chunks before the broken one still reached the caller.
        Assert.Equal("partial", received.ToString());
    }

    [Fact]
    public async Task MalformedBody_NonStreaming_ThrowsJsonException()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.MalformedStream());
        var (kernel, _) = CreateKernel(server);

        // Neither SK nor the OpenAI SDK wraps it: the JsonReaderException (a JsonException) escapes as is.
        await Assert.ThrowsAnyAsync<JsonException>(() => kernel.GetRequiredService<IChatCompletionService>()
            .GetChatMessageContentAsync(NewHistory(), AutoTools(), kernel, timeout.Token));
    }

    [Fact]
    public async Task ScriptExhausted_FailsWithClearMessage()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        var (kernel, _) = CreateKernel(server);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => kernel.GetRequiredService<IChatCompletionService>()
            .GetChatMessageContentAsync(NewHistory(), AutoTools(), kernel, timeout.Token));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("script exhausted", error.ResponseContent, StringComparison.Ordinal);
    }

    private static (Kernel Kernel, FilesPlugin Files) CreateKernel(ScriptedOpenAIServer server)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-scripted", endpoint: server.BaseUri, apiKey: "test");
        var kernel = builder.Build();
        var files = new FilesPlugin();
        kernel.Plugins.AddFromObject(files, "files");
        return (kernel, files);
    }

    private static ChatHistory NewHistory()
    {
        var history = new ChatHistory(SystemPrompt);
        history.AddUserMessage("What does a.txt say?");
        return history;
    }

    private static OpenAIPromptExecutionSettings AutoTools() => new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };

    private static async Task DrainAsync(Kernel kernel, CancellationToken cancellationToken, StringBuilder? received = null)
    {
        await foreach (var update in kernel.GetRequiredService<IChatCompletionService>()
                           .GetStreamingChatMessageContentsAsync(NewHistory(), AutoTools(), kernel, cancellationToken))
        {
            received?.Append(update.Content);
        }
    }

    private static void AssertFirstRequestCarriesPromptKeyAndTools(RecordedRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer test", request.Header("Authorization"));
        var body = request.RequiredJson;
        Assert.Equal("gpt-scripted", body.Text("model"));
        var first = body.Items("messages").First();
        Assert.Equal(("system", SystemPrompt), (first.Text("role"), first.Text("content")));
        var toolNames = body.Items("tools").Select(tool => tool.GetProperty("function").Text("name"));
        Assert.Contains("files-read", toolNames);
    }

    private static void AssertCarriesToolResult(RecordedRequest request, string callId, string result)
    {
        var messages = request.RequiredJson.Items("messages").ToList();
        var assistant = Assert.Single(messages, message => message.Text("role") == "assistant");
        var call = Assert.Single(assistant.Items("tool_calls"));
        Assert.Equal(callId, call.Text("id"));
        var tool = Assert.Single(messages, message => message.Text("role") == "tool");
        Assert.Equal((callId, result), (tool.Text("tool_call_id"), tool.Text("content")));
    }
}
