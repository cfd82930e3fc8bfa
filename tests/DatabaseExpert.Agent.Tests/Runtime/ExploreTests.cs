using DatabaseExpert.Agent.Models;
using DatabaseExpert.Testing.Models;
using Xunit.Abstractions;

namespace DatabaseExpert.Agent.Tests.Runtime;

public sealed class ExploreTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ModelProvider.OpenAI)]
    [InlineData(ModelProvider.Anthropic)]
    public async Task Explore(ModelProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var h = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider, Resilience = HarnessOptions.FastResilience with { AttemptTimeout = TimeSpan.FromMilliseconds(200) } }, timeout.Token);
        foreach (var step in new ModelStep[] { ModelStep.MalformedStream(), ModelStep.Status(500), ModelStep.Status(401), ModelStep.Status(429, 90), ModelStep.Hang() })
        {
            await using var s2 = await AgentHarness.StartAsync(new HarnessOptions { Provider = provider, Resilience = HarnessOptions.FastResilience with { AttemptTimeout = TimeSpan.FromMilliseconds(200) } }, timeout.Token);
            for (int i = 0; i < 3; i++) s2.Server.Enqueue(step);
            var result = await s2.TurnAsync("hi", timeout.Token);
            output.WriteLine($"{step.GetType().Name}: stop={result.Stop} text='{result.Text}' err={result.Error?.Message}");
        }
    }
}
