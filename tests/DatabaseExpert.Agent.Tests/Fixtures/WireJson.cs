using System.Text.Json;

namespace DatabaseExpert.Agent.Tests.Fixtures;

/// <summary>Small readers for the request bodies the scripted servers recorded.</summary>
internal static class WireJson
{
    public static IEnumerable<JsonElement> Items(this JsonElement json, string arrayProperty) =>
        json.TryGetProperty(arrayProperty, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    public static string? Text(this JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object
        && json.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Anthropic content that may be a plain string or an array of text blocks, as one string.</summary>
    public static string FlatText(this JsonElement json, string property)
    {
        if (!json.TryGetProperty(property, out var value))
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Array => string.Concat(value.EnumerateArray().Select(block => block.Text("text"))),
            _ => "",
        };
    }
}
