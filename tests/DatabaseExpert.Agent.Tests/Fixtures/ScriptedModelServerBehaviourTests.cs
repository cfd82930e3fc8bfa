using System.Net;
using System.Text;
using System.Text.Json;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Fixtures;

/// <summary>
/// The servers' own promises (script handling, recording, shutdown) and wire details that the SDKs hide because
/// they reassemble streams, checked with a plain HttpClient.
/// </summary>
public sealed class ScriptedModelServerBehaviourTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OpenAIStream_SplitsToolArgumentsAndEndsWithFinishUsageAndDone()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.ToolCalls(new ToolCall("read", """{"path":"a.txt"}"""), new ToolCall("list", "{}"))
            .WithChunks(textChunks: 1, argumentChunks: 3).WithUsage(11, 4));
        using var http = new HttpClient();

        var body = """{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[]}""";
        var events = await PostForEventsAsync(http, new Uri(server.BaseUri, "chat/completions"), body, timeout.Token);

        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.Text("object")));
        var toolDeltas = chunks.SelectMany(chunk => chunk.Items("choices"))
            .SelectMany(choice => choice.GetProperty("delta").Items("tool_calls")).ToList();
        var first = toolDeltas.Where(delta => delta.GetProperty("index").GetInt32() == 0).ToList();
        Assert.Equal(("call_scripted_1_0", "function", "read"), (first[0].Text("id"), first[0].Text("type"),
            first[0].GetProperty("function").Text("name")));
        Assert.Equal(3, first.Count(delta => delta.GetProperty("function").Text("arguments") is { Length: > 0 }));
        Assert.Equal("""{"path":"a.txt"}""", string.Concat(first.Select(delta => delta.GetProperty("function").Text("arguments"))));
        Assert.Contains(toolDeltas, delta => delta.GetProperty("index").GetInt32() == 1 && delta.Text("id") == "call_scripted_1_1");

        var finish = chunks[^2].Items("choices").Single();
        Assert.Equal("tool_calls", finish.Text("finish_reason"));
        Assert.Empty(chunks[^1].Items("choices"));
        Assert.Equal((11, 4, 15), (chunks[^1].GetProperty("usage").GetProperty("prompt_tokens").GetInt32(),
            chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32(),
            chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32()));
    }

    [Fact]
    public async Task OpenAIStream_WithoutIncludeUsage_SendsNoUsageChunk()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Text("hi").WithUsage(1, 1));
        using var http = new HttpClient();

        var events = await PostForEventsAsync(http, new Uri(server.BaseUri, "chat/completions"),
            """{"model":"m","stream":true,"messages":[]}""", timeout.Token);

        var chunks = events.SkipLast(1).Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.All(chunks, chunk => Assert.False(chunk.TryGetProperty("usage", out _)));
        Assert.Equal("stop", chunks[^1].Items("choices").Single().Text("finish_reason"));
    }

    [Fact]
    public async Task AnthropicStream_SendsNamedEventsInTheApiOrder()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.TextAndToolCalls("Looking.", new ToolCall("read", """{"path":"a.txt"}""", "toolu_1"))
            .WithChunks(textChunks: 2, argumentChunks: 2).WithUsage(25, 12));
        using var http = new HttpClient();

        var events = await PostForEventsAsync(http, new Uri(server.BaseUri, "/v1/messages"),
            """{"model":"claude","stream":true,"max_tokens":10,"messages":[]}""", timeout.Token);

        Assert.All(events, e => Assert.Equal(e.Name, JsonDocument.Parse(e.Data).RootElement.Text("type")));
        Assert.Equal(
            ["message_start", "ping", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop"],
            events.Select(e => e.Name));
        var data = events.Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        var toolStart = data[6].GetProperty("content_block");
        Assert.Equal(("tool_use", "toolu_1", "read", 1), (toolStart.Text("type"), toolStart.Text("id"), toolStart.Text("name"),
            data[6].GetProperty("index").GetInt32()));
        var partials = data.Skip(7).Take(3).Select(d => d.GetProperty("delta")).ToList();
        Assert.All(partials, delta => Assert.Equal("input_json_delta", delta.Text("type")));
        Assert.Equal("""{"path":"a.txt"}""", string.Concat(partials.Select(delta => delta.Text("partial_json"))));
        Assert.Equal("tool_use", data[11].GetProperty("delta").Text("stop_reason"));
        Assert.Equal(12, data[11].GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(25, data[0].GetProperty("message").GetProperty("usage").GetProperty("input_tokens").GetInt32());
    }

    [Fact]
    public async Task WrongRoute_Answers404AndConsumesNoStep()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Text("kept"));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUri, "/chat/completions"),
            new StringContent("{}", Encoding.UTF8, "application/json"), timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("POST /v1/chat/completions", await response.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        Assert.Equal(1, server.PendingSteps);
        var recorded = Assert.Single(server.Requests);
        Assert.Equal(("/chat/completions", null), (recorded.Path, recorded.Step));
    }

    [Fact]
    public async Task StepsEnqueuedWhileRunning_AnswerLaterRequestsInOrder()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(new ScriptedServerOptions { Steps = [ModelStep.Text("one")] },
            timeout.Token);
        using var http = new HttpClient();
        var uri = new Uri(server.BaseUri, "chat/completions");

        var first = await PostForTextAsync(http, uri, timeout.Token);
        server.Enqueue(ModelStep.Text("two"));
        var second = await PostForTextAsync(http, uri, timeout.Token);

        Assert.Equal(("one", "two"), (first, second));
        Assert.Equal([1, 2], server.Requests.Select(request => request.Sequence));
    }

    [Fact]
    public async Task StatusStep_SendsRetryHeadersAndErrorEnvelope()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Status(429, retryAfterSeconds: 2, retryAfterMilliseconds: 1500, message: "slow down"));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUri, "/v1/messages"),
            new StringContent("{}", Encoding.UTF8, "application/json"), timeout.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("1500", response.Headers.GetValues("retry-after-ms").Single());
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;
        Assert.Equal(("error", "rate_limit_error", "slow down"), (error.Text("type"), error.GetProperty("error").Text("type"),
            error.GetProperty("error").Text("message")));
    }

    [Fact]
    public async Task Dispose_ReleasesAHangingRequest()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Hang());
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

        var call = http.PostAsync(new Uri(server.BaseUri, "chat/completions"), new StringContent("{}"), timeout.Token);
        await server.WaitForRequestAsync(1, timeout.Token);
        await server.DisposeAsync();

        // Disposal must not wait for the client; a second DisposeAsync (from await using) is harmless.
        await Assert.ThrowsAsync<HttpRequestException>(() => call);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task Recording_UsesTheGivenClock()
    {
        var now = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(new ScriptedServerOptions
        {
            TimeProvider = new FixedClock(now),
            Steps = [ModelStep.Text("hi")],
        }, timeout.Token);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUri, "chat/completions"),
            new StringContent("""{"model":"m","messages":[]}""", Encoding.UTF8, "application/json"), timeout.Token);
        var completion = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement;

        Assert.Equal(now, server.Requests[0].ReceivedAt);
        Assert.Equal(now.ToUnixTimeSeconds(), completion.GetProperty("created").GetInt64());
    }

    [Fact]
    public async Task AnthropicEnqueue_RejectsToolArgumentsThatAreNotAJsonObject()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);

        var error = Assert.Throws<ArgumentException>(() => server.Enqueue(ModelStep.ToolCalls(new ToolCall("read", "[1,2]"))));

        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.PendingSteps);
    }

    [Fact]
    public void StatusStep_RejectsSuccessCodes()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ModelStep.Status(200));

        Assert.Contains("400 to 599", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> PostForTextAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(uri, new StringContent("""{"model":"m","messages":[]}""", Encoding.UTF8,
            "application/json"), cancellationToken);
        response.EnsureSuccessStatusCode();
        var completion = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        return completion.Items("choices").Single().GetProperty("message").Text("content");
    }

    private static async Task<List<(string? Name, string Data)>> PostForEventsAsync(HttpClient http, Uri uri, string body,
        CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(uri, new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string? Name, string Data)>();
        string? name = null;
        foreach (var line in (await response.Content.ReadAsStringAsync(cancellationToken)).Split('\n'))
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name, line["data: ".Length..]));
                name = null;
            }
        }

        return events;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
