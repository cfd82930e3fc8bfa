using System.Net;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Models.Resilience;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>
/// Model endpoint failures seen through a whole turn: the resilience handler under the real SDKs retries what is
/// worth retrying, and the conversation turns what is not into one clean line while staying usable.
/// </summary>
public sealed class ModelFaultTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TimerTolerance = TimeSpan.FromMilliseconds(25);

    [Theory]
    [InlineData(1, null)]
    [InlineData(null, 400)]
    public async Task Rate_limit_is_retried_after_the_wait_the_server_asked_for(int? retryAfterSeconds, int? retryAfterMilliseconds)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.Server.Enqueue(
            ModelStep.Status(429, retryAfterSeconds, retryAfterMilliseconds),
            ModelStep.Text("Recovered.").WithUsage(5, 2));

        var result = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal((TurnStop.Completed, "Recovered."), (result.Stop, result.Text));
        Assert.Equal(new TokenUsage(5, 2), result.Usage);
        var requests = agent.Server.Requests;
        Assert.Equal(2, requests.Count);
        var asked = TimeSpan.FromMilliseconds(retryAfterMilliseconds ?? retryAfterSeconds!.Value * 1000);
        // Timers may fire a tick early; the tolerance is far below what the 5 ms backoff alone would wait.
        var waited = requests[1].SinceServerStart - requests[0].SinceServerStart;
        Assert.True(waited >= asked - TimerTolerance, $"the retry came {waited.TotalMilliseconds} ms after the 429, before the {asked.TotalMilliseconds} ms asked for");

        // The retry replays the same request body.
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(2, agent.Connection.Handler.LastAttempts);
    }

    [Fact]
    public async Task Server_errors_beyond_the_attempt_limit_fail_the_turn_with_one_line_and_the_next_turn_works()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        var attempts = agent.Options.Resilience.MaxAttempts;
        for (var i = 0; i < attempts; i++)
        {
            agent.Server.Enqueue(ModelStep.Status(500, message: "upstream exploded"));
        }

        var failed = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal(TurnStop.Failed, failed.Stop);
        var error = Assert.IsType<ModelCallException>(failed.Error);
        Assert.Equal((HttpStatusCode.InternalServerError, attempts, "openai"), (error.Status, error.Attempts, error.Provider));
        AssertOneLine(error.Message);
        Assert.StartsWith("openai: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("answered 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("upstream exploded", error.Message, StringComparison.Ordinal);
        Assert.Contains($"({attempts} attempts)", error.Message, StringComparison.Ordinal);
        Assert.Equal(attempts, agent.Server.Requests.Count);

        var turn = agent.TranscriptRecords()[^1];
        Assert.Equal(("turn", "failed", error.Message), (turn.Text("type"), turn.Text("stop"), turn.Text("error")));

        agent.Server.Enqueue(ModelStep.Text("Back again."));
        var next = await agent.TurnAsync("still there?", timeout.Token);

        Assert.Equal((TurnStop.Completed, "Back again."), (next.Stop, next.Text));
        var request = agent.Server.Requests[^1];
        WireHistory.AssertValidOpenAI(request);
        Assert.Equal(["hello", "still there?"], WireHistory.Messages(request).Where(m => m.Text("role") == "user").Select(m => m.Text("content")));
    }

    [Fact]
    public async Task A_hanging_attempt_times_out_and_the_retry_answers()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions { Resilience = HarnessOptions.FastResilience with { AttemptTimeout = TimeSpan.FromMilliseconds(500) } },
            timeout.Token);
        agent.Server.Enqueue(ModelStep.Hang(), ModelStep.Text("Sorry for the wait."));

        var result = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal((TurnStop.Completed, "Sorry for the wait."), (result.Stop, result.Text));
        var requests = agent.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].SinceServerStart - requests[0].SinceServerStart >= TimeSpan.FromMilliseconds(500) - TimerTolerance);
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_fails_cleanly_after_every_attempt_timed_out()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(
            new HarnessOptions { Resilience = HarnessOptions.FastResilience with { AttemptTimeout = TimeSpan.FromMilliseconds(200) } },
            timeout.Token);
        agent.Server.Enqueue(ModelStep.Hang(), ModelStep.Hang(), ModelStep.Hang());

        var result = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal(TurnStop.Failed, result.Stop);
        AssertOneLine(result.Error!.Message);
        Assert.Contains("no response from http://127.0.0.1:", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("within 200 ms (3 attempts)", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, agent.Server.Requests.Count);
    }

    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task A_malformed_stream_fails_the_turn_cleanly_and_keeps_the_transcript_whole(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider }, timeout.Token);
        agent.Server.Enqueue(ModelStep.MalformedStream());

        var result = await agent.TurnAsync("describe the schema", timeout.Token);

        Assert.Equal(TurnStop.Failed, result.Stop);
        AssertOneLine(result.Error!.Message);
        Assert.StartsWith($"{agent.Runtime.ModelName}: the model's answer could not be read: ", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(agent.Server.Requests);

        var records = agent.TranscriptRecords();
        var user = Assert.Single(records, r => r.Text("type") == "message" && r.Text("role") == "user");
        Assert.Equal("describe the schema", user.Text("text"));
        var turn = records[^1];
        Assert.Equal(("turn", "failed", result.Error.Message), (turn.Text("type"), turn.Text("stop"), turn.Text("error")));

        agent.Server.Enqueue(ModelStep.Text("Here it is."));
        var next = await agent.TurnAsync("try again", timeout.Token);
        Assert.Equal(TurnStop.Completed, next.Stop);
        WireHistory.AssertValid(agent.Server.Requests[^1], provider == ModelProvider.Anthropic);
    }

    [Fact]
    public async Task Unauthorized_is_not_retried_and_points_at_the_api_key()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.Server.Enqueue(ModelStep.Status(401, message: "Incorrect API key provided"), ModelStep.Text("never sent"));

        var result = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal(TurnStop.Failed, result.Stop);
        Assert.Equal((HttpStatusCode.Unauthorized, 1), (result.Error!.Status, result.Error.Attempts));
        AssertOneLine(result.Error.Message);
        Assert.Contains("answered 401", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", result.Error.Message, StringComparison.Ordinal);
        Assert.EndsWith("check the API key for this provider", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(agent.Server.Requests);
        Assert.DoesNotContain("test-key", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_longer_than_dbx_waits_fails_at_once_and_says_so()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(timeout.Token);
        agent.Server.Enqueue(ModelStep.Status(429, retryAfterSeconds: 90), ModelStep.Text("never sent"));

        var result = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal(TurnStop.Failed, result.Stop);
        Assert.Equal(HttpStatusCode.TooManyRequests, result.Error!.Status);
        AssertOneLine(result.Error.Message);
        Assert.Contains("the server asked to retry after 90 s, more than the 2 s dbx waits", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(agent.Server.Requests);
    }

    [Fact]
    public async Task Anthropic_overloaded_is_retried_and_a_lasting_outage_fails_with_one_line()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = ModelProvider.Anthropic }, timeout.Token);
        agent.Server.Enqueue(ModelStep.Status(529), ModelStep.Text("Made it.").WithUsage(7, 3));

        var recovered = await agent.TurnAsync("hello", timeout.Token);

        Assert.Equal((TurnStop.Completed, "Made it."), (recovered.Stop, recovered.Text));
        Assert.Equal(new TokenUsage(7, 3), recovered.Usage);
        Assert.Equal(2, agent.Server.Requests.Count);

        agent.Server.Enqueue(ModelStep.Status(500), ModelStep.Status(503), ModelStep.Status(529));
        var failed = await agent.TurnAsync("again", timeout.Token);

        Assert.Equal(TurnStop.Failed, failed.Stop);
        AssertOneLine(failed.Error!.Message);
        Assert.StartsWith("anthropic: ", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("answered 529", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("(3 attempts)", failed.Error.Message, StringComparison.Ordinal);

        agent.Server.Enqueue(ModelStep.Text("Up again."));
        Assert.Equal(TurnStop.Completed, (await agent.TurnAsync("and now?", timeout.Token)).Stop);
        WireHistory.AssertValidAnthropic(agent.Server.Requests[^1]);
    }

    private static void AssertOneLine(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
        Assert.DoesNotContain(" at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }
}
