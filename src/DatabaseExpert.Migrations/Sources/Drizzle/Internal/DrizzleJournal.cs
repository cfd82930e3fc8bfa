using System.Text.Json;
using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>One entry of meta/_journal.json, with the line of its <c>tag</c> for findings.</summary>
internal sealed record JournalEntry(long? Idx, long When, string Tag, int Line);

/// <summary>Drizzle's meta/_journal.json: the migrator applies its entries in array order, each from <c>&lt;tag&gt;.sql</c>.</summary>
internal sealed record DrizzleJournal(string? Dialect, IReadOnlyList<JournalEntry> Entries)
{
    public static DrizzleJournal Read(string path)
    {
        var text = SourceReadContext.ReadText(path);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(path, 1, "it has no \"entries\" array");
            }

            var dialect = document.RootElement.TryGetProperty("dialect", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()
                : null;
            var list = new List<JournalEntry>();
            var searchFrom = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var tag = entry.TryGetProperty("tag", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
                if (tag is null)
                {
                    throw Malformed(path, LineAt(text, searchFrom), $"entry {list.Count} has no \"tag\"");
                }

                var (line, next) = TagLine(text, tag, searchFrom);
                searchFrom = next;
                var when = entry.TryGetProperty("when", out var w) && w.TryGetInt64(out var millis) ? millis : 0;
                long? idx = entry.TryGetProperty("idx", out var i) && i.TryGetInt64(out var index) ? index : null;
                list.Add(new JournalEntry(idx, when, tag, line));
            }

            return new DrizzleJournal(dialect, list);
        }
        catch (JsonException e)
        {
            throw Malformed(path, (int)(e.LineNumber ?? 0) + 1, e.Message);
        }
    }

    private static MigrationSourceException Malformed(string path, int line, string why) =>
        new($"{path}:{line}: the Drizzle journal is malformed ({why}). Restore it from version control, or regenerate it with drizzle-kit.",
            path, line);

    private static (int Line, int Next) TagLine(string text, string tag, int from)
    {
        var pattern = "\"tag\"\\s*:\\s*" + Regex.Escape(JsonSerializer.Serialize(tag));
        var match = Regex.Match(text[from..], pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? (LineAt(text, from + match.Index), from + match.Index + match.Length) : (0, from);
    }

    private static int LineAt(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;
}
