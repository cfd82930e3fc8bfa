using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>The agent loop through Semantic Kernel's real Azure OpenAI connector, against the scripted server's Azure route.</summary>
public sealed class AzureAgentLoopTests
{
    [Fact]
    public async Task A_tool_round_trip_reaches_the_deployment_route_with_the_azure_key_header()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var agent = await AgentHarness.StartAsync(new HarnessOptions { Provider = ModelProvider.Azure, ApiKey = "azure-key" }, timeout.Token);
        agent.WriteFile("notes.txt", "hello from azure\n");
        agent.Server.Enqueue(
            ModelStep.ToolCalls(new ToolCall(agent.Tool("Read"), """{"path":"notes.txt"}""", "call_read")).WithUsage(30, 5),
            ModelStep.Text("The file says hello.").WithUsage(40, 6));

        var result = await agent.TurnAsync("What does notes.txt say?", timeout.Token);

        Assert.Equal((TurnStop.Completed, "The file says hello."), (result.Stop, result.Text));
        Assert.Equal(new TokenUsage(70, 11), result.Usage);
        Assert.Equal(2, agent.Server.Requests.Count);
        foreach (var request in agent.Server.Requests)
        {
            Assert.StartsWith("/openai/deployments/scripted-deployment/chat/completions", request.Path, StringComparison.Ordinal);
            Assert.Equal("azure-key", request.Header("api-key"));
            WireHistory.AssertValidOpenAI(request);
        }

        Assert.Contains("hello from azure", WireHistory.OpenAIToolResults(agent.Server.Requests[1])["call_read"], StringComparison.Ordinal);
    }
}
