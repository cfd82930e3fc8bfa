using System.Text.Json;

namespace DatabaseExpert.Testing.Models;

/// <summary>
/// One HTTP request as the scripted server received it, recorded before it is answered (so a hanging request
/// is already visible). <see cref="Step"/> is the scripted step that answered it: null for a wrong route or an
/// exhausted script.
/// </summary>
public sealed record RecordedRequest(
    int Sequence,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    JsonElement? Json,
    DateTimeOffset ReceivedAt,
    TimeSpan SinceServerStart,
    ModelStep? Step)
{
    /// <summary>The header value (several values joined with ", "), or null; names are case-insensitive.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when the body asks for a server-sent-event stream (<c>"stream": true</c>).</summary>
    public bool IsStreaming =>
        Json is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty("stream", out var stream)
        && stream.ValueKind == JsonValueKind.True;

    /// <summary>The parsed body; throws with the raw text when the body was not JSON.</summary>
    public JsonElement RequiredJson =>
        Json ?? throw new InvalidOperationException($"Request #{Sequence} ({Method} {Path}) has no JSON body: '{Body}'.");
}
