using System.Text.Json;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>One message of an OpenAI chat request, its content flattened to text.</summary>
public sealed record SentMessage(string Role, string Text);

/// <summary>Reads what dbx sent to the scripted OpenAI server.</summary>
public static class ModelRequests
{
    public static IReadOnlyList<SentMessage> Messages(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.RequiredJson.GetProperty("messages").EnumerateArray()
            .Select(m => new SentMessage(m.GetProperty("role").GetString()!, Text(m)))
            .ToList();
    }

    public static SentMessage LastUser(RecordedRequest request) => Messages(request).Last(m => m.Role == "user");

    private static string Text(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(p => p.TryGetProperty("text", out _))
                .Select(p => p.GetProperty("text").GetString())),
            _ => string.Empty,
        };
    }
}
