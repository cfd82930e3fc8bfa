using System.Text.Json;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>Written last into a finished template: its presence after the atomic rename means the template is whole.</summary>
internal sealed record TemplateMarker(
    string Id,
    DateTimeOffset CreatedAt,
    string BinDirectory,
    string Version,
    string Locale,
    double InitdbMilliseconds)
{
    public const string FileName = "dbx-template.json";

    public void WriteTo(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this));

    public static TemplateMarker? TryRead(string directory)
    {
        try
        {
            return JsonSerializer.Deserialize<TemplateMarker>(File.ReadAllText(Path.Combine(directory, FileName)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
