using System.Text.Json;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>
/// One line per history message that keeps what the model would see (role, text, tool calls with their arguments,
/// tool results), so a live history and one reloaded from a transcript can be compared for equality.
/// </summary>
internal static class HistoryText
{
    public static IReadOnlyList<string> Describe(IEnumerable<ChatMessageContent> history) => history.Select(Describe).ToList();

    public static string Describe(ChatMessageContent message)
    {
        var results = message.Items.OfType<FunctionResultContent>().ToList();
        if (results.Count > 0)
        {
            return "tool: " + string.Join(" | ", results.Select(r => $"{r.CallId}={ResultText(r.Result)}"));
        }

        var text = string.Concat(message.Items.OfType<TextContent>().Select(t => t.Text));
        var calls = message.Items.OfType<FunctionCallContent>()
            .Select(c => $" call {c.Id} {c.FunctionName}({string.Join(", ", (c.Arguments ?? []).Select(a => $"{a.Key}={Render(a.Value)}"))})");
        return $"{message.Role.Label.ToLowerInvariant()}: {text}{string.Concat(calls)}";
    }

    private static string ResultText(object? result) => result switch
    {
        null => "",
        FunctionResult f => f.GetValue<object>()?.ToString() ?? "",
        _ => result.ToString() ?? "",
    };

    private static string Render(object? value) => value switch
    {
        null => "null",
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement e => e.GetRawText(),
        _ => value.ToString() ?? "",
    };
}
