using System.Net;
using System.Text;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Models.Resilience;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Agent.Tests.Runtime;
using DatabaseExpert.Testing.Models;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Tests.Models;

/// <summary>How <see cref="ModelConnection"/> wires each provider's real SDK to an endpoint.</summary>
public sealed class ModelConnectionTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_local_openai_compatible_server_works_without_a_key()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Text("Hello from the local model."));
        using var connection = ModelConnection.Create(
            new ModelSpec(ModelProvider.OpenAI, "llama3.1"), new ModelCredentials(ModelProvider.OpenAI, null, server.BaseUri));

        var answer = await connection.Chat.GetChatMessageContentAsync(new ChatHistory("be brief"), cancellationToken: timeout.Token);

        Assert.Equal("Hello from the local model.", answer.Content);
        var request = Assert.Single(server.Requests);
        Assert.Equal("llama3.1", request.RequiredJson.Text("model"));
        Assert.Equal(server.BaseUri, connection.Endpoint);
    }

    [Fact]
    public async Task Anthropic_reaches_the_messages_route_from_a_base_url_with_a_trailing_slash_and_caps_the_answer()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedAnthropicServer.StartAsync(timeout.Token);
        server.Enqueue(ModelStep.Text("Hi."));
        using var connection = ModelConnection.Create(
            new ModelSpec(ModelProvider.Anthropic, "claude-scripted"),
            new ModelCredentials(ModelProvider.Anthropic, "k", new Uri(server.BaseUri, "/")));

        var history = new ChatHistory("be brief");
        history.AddUserMessage("hello");
        var answer = await connection.Chat.GetChatMessageContentAsync(history, cancellationToken: timeout.Token);

        Assert.Equal("Hi.", answer.Content);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal(ModelConnection.DefaultMaxOutputTokens, request.RequiredJson.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task Azure_sends_its_key_header_and_a_404_points_at_name_and_url()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var server = await ScriptedOpenAIServer.StartAsync(timeout.Token);
        using var connection = ModelConnection.Create(
            new ModelSpec(ModelProvider.Azure, "prod-gpt"),
            new ModelCredentials(ModelProvider.Azure, "azure-key", new Uri($"http://127.0.0.1:{server.Port}/wrong-prefix/")),
            // A generous attempt timeout: on a loaded machine a slow first answer must not turn into a second attempt.
            HarnessOptions.FastResilience with { AttemptTimeout = TimeSpan.FromSeconds(20) });

        var history = new ChatHistory();
        history.AddUserMessage("hello");
        var thrown = await Assert.ThrowsAnyAsync<Exception>(
            () => connection.Chat.GetChatMessageContentAsync(history, cancellationToken: timeout.Token));

        // A wrong endpoint puts the deployment route under a prefix the server does not answer: 404, recorded.
        var request = Assert.Single(server.Requests);
        Assert.Equal("/wrong-prefix/openai/deployments/prod-gpt/chat/completions", request.Path);
        Assert.Equal("azure-key", request.Header("api-key"));
        var error = ModelCallException.Find(thrown);
        Assert.NotNull(error);
        Assert.Equal((HttpStatusCode.NotFound, 1), (error.Status, error.Attempts));
        Assert.StartsWith("azure: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; check the model name and the base URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_goes_silent_fails_the_turn_after_the_idle_timeout()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions
            {
                Transport = new StallingStreamHandler(),
                Resilience = HarnessOptions.FastResilience with { StreamIdleTimeout = TimeSpan.FromMilliseconds(300) },
            },
            timeout.Token);

        var result = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal(TurnStop.Failed, result.Stop);
        Assert.Equal("openai: the streamed answer stalled: no data for 300 ms", result.Error!.Message);
        Assert.Equal("Hel", agent.Observer.Text);
    }

    /// <summary>Answers every request with a stream that sends one chunk and then nothing, never closing.</summary>
    private sealed class StallingStreamHandler : HttpMessageHandler
    {
        private const string FirstEvent =
            """data: {"id":"c1","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}""";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new StallingStream(Encoding.UTF8.GetBytes(FirstEvent + "\n\n")));
            content.Headers.ContentType = new("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private sealed class StallingStream(byte[] first) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < first.Length)
            {
                var count = Math.Min(buffer.Length, first.Length - _position);
                first.AsMemory(_position, count).CopyTo(buffer);
                _position += count;
                return count;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
