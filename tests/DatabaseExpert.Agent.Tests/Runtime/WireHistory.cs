using System.Text.Json;
using DatabaseExpert.Agent.Tests.Fixtures;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>
/// Reads the conversation a recorded request sent and checks it the way the providers do: every tool call answered by
/// a tool result before the conversation goes on, and no tool result without its call. A history the runtime leaves
/// broken would be rejected by the real API on the next request, even though the scripted server accepts it.
/// </summary>
internal static class WireHistory
{
    /// <summary>The <c>messages</c> array the request sent.</summary>
    public static IReadOnlyList<JsonElement> Messages(RecordedRequest request) =>
        request.RequiredJson.Items("messages").ToList();

    /// <summary>OpenAI: the tool results sent, by tool_call_id.</summary>
    public static IReadOnlyDictionary<string, string> OpenAIToolResults(RecordedRequest request) =>
        Messages(request)
            .Where(m => m.Text("role") == "tool")
            .ToDictionary(m => m.Text("tool_call_id")!, m => m.Text("content") ?? "", StringComparer.Ordinal);

    /// <summary>Anthropic: the tool_result blocks sent, by tool_use_id.</summary>
    public static IReadOnlyDictionary<string, string> AnthropicToolResults(RecordedRequest request) =>
        Messages(request)
            .SelectMany(m => m.Items("content"))
            .Where(b => b.Text("type") == "tool_result")
            .ToDictionary(b => b.Text("tool_use_id")!, b => b.FlatText("content"), StringComparer.Ordinal);

    public static void AssertValidOpenAI(RecordedRequest request)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var message in Messages(request))
        {
            var role = message.Text("role");
            if (role == "tool")
            {
                var id = message.Text("tool_call_id") ?? "";
                Assert.True(pending.Remove(id), $"request #{request.Sequence} message {index}: tool result '{id}' answers no open tool call");
            }
            else
            {
                Assert.True(pending.Count == 0,
                    $"request #{request.Sequence} message {index} ({role}): tool calls {string.Join(", ", pending)} have no result");
                foreach (var call in message.Items("tool_calls"))
                {
                    pending.Add(call.Text("id")!);
                }
            }

            index++;
        }

        Assert.True(pending.Count == 0, $"request #{request.Sequence} ends with unanswered tool calls {string.Join(", ", pending)}");
    }

    public static void AssertValidAnthropic(RecordedRequest request)
    {
        // The API merges consecutive messages of one role, so the check does too.
        var merged = new List<(string Role, List<JsonElement> Blocks)>();
        foreach (var message in Messages(request))
        {
            var role = message.Text("role")!;
            var blocks = message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
                ? content.EnumerateArray().ToList()
                : [];
            if (merged.Count > 0 && merged[^1].Role == role)
            {
                merged[^1].Blocks.AddRange(blocks);
            }
            else
            {
                merged.Add((role, blocks));
            }
        }

        Assert.True(merged.Count > 0 && merged[0].Role == "user", $"request #{request.Sequence} must start with a user message");
        for (var i = 0; i < merged.Count; i++)
        {
            var uses = merged[i].Role == "assistant"
                ? merged[i].Blocks.Where(b => b.Text("type") == "tool_use").Select(b => b.Text("id")!).ToHashSet(StringComparer.Ordinal)
                : [];
            var next = i + 1 < merged.Count ? merged[i + 1].Blocks : [];
            var results = next.Where(b => b.Text("type") == "tool_result").Select(b => b.Text("tool_use_id")!).ToHashSet(StringComparer.Ordinal);
            Assert.True(uses.SetEquals(results) || (uses.Count == 0 && results.Count == 0),
                $"request #{request.Sequence} turn {i}: tool_use [{string.Join(", ", uses)}] answered by tool_result [{string.Join(", ", results)}]");
        }
    }

    public static void AssertValid(RecordedRequest request, bool anthropic)
    {
        if (anthropic)
        {
            AssertValidAnthropic(request);
        }
        else
        {
            AssertValidOpenAI(request);
        }
    }
}
