using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>JSON writing shared by the JSON and SARIF reports.</summary>
internal static class ReportJson
{
    /// <summary>Indented, and without HTML escaping so that SQL quotes and <c>&lt;</c> stay readable.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Sets <paramref name="name"/> only when there is a value: optional fields are absent, not null.</summary>
    public static void AddIfSet(this JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    public static void AddIfSet(this JsonObject json, string name, int? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
