using System.Text.Json.Nodes;

namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>A session transcript (.dbx/sessions/*.jsonl) read record by record.</summary>
public sealed class SessionFile
{
    private SessionFile(string path, string text, IReadOnlyList<JsonObject> records)
    {
        Path = path;
        Text = text;
        Records = records;
    }

    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<JsonObject> Records { get; }

    public string Id => System.IO.Path.GetFileNameWithoutExtension(Path);

    public IReadOnlyList<string> Messages(string role) => Records
        .Where(r => (string?)r["type"] == "message" && (string?)r["role"] == role)
        .Select(r => (string?)r["text"] ?? string.Empty)
        .ToList();

    public static SessionFile Read(string path)
    {
        var text = File.ReadAllText(path);
        var records = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();
        return new SessionFile(path, text, records);
    }
}
