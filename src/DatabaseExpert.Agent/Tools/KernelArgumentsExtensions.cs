using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Tools;

/// <summary>Reads model-supplied arguments, which arrive as strings, JSON elements or typed values depending on the connector.</summary>
internal static class KernelArgumentsExtensions
{
    public static string? GetString(this KernelArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement e => e.GetRawText(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        } : null;

    public static bool GetBool(this KernelArguments arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value switch
        {
            bool b => b,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.String } e => bool.TryParse(e.GetString(), out var parsed) && parsed,
            string s => bool.TryParse(s, out var parsed) && parsed,
            _ => false,
        };

    public static string Require(this KernelArguments arguments, string name) =>
        arguments.GetString(name) ?? throw new ArgumentException($"the '{name}' argument is missing");
}
