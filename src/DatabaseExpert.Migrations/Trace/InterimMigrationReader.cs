using System.Text.Json;
using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace;

/// <summary>
/// A minimal project reader for <c>dbx trace</c> until the full readers of <c>Sources/</c> are in: a single .sql file, a
/// folder of .sql files (name order), or a Drizzle project (<c>drizzle.config.ts</c> → <c>out</c> folder →
/// <c>meta/_journal.json</c> order) or its migrations folder.
/// </summary>
public static partial class InterimMigrationReader
{
    private const string DrizzleNote = "drizzle-kit migrate runs pending migrations inside a transaction";

    /// <param name="path">A file or folder, absolute or relative to <paramref name="workingDirectory"/>.</param>
    /// <param name="workingDirectory">Where display paths are relative to.</param>
    /// <exception cref="MigrationSourceException">Nothing readable at the path; the message says what was expected.</exception>
    public static MigrationSet Read(string path, string workingDirectory)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (File.Exists(full))
        {
            return new MigrationSet(MigrationFormat.PlainSql, Path.GetDirectoryName(full)!, [PlainFile(full, workingDirectory)], []);
        }

        if (!Directory.Exists(full))
        {
            throw new MigrationSourceException($"{path}: no such file or folder");
        }

        if (File.Exists(Path.Combine(full, "drizzle.config.ts")) || File.Exists(Path.Combine(full, "drizzle.config.js")))
        {
            return ReadDrizzle(Path.Combine(full, DrizzleOut(full)), workingDirectory);
        }

        if (File.Exists(Path.Combine(full, "meta", "_journal.json")))
        {
            return ReadDrizzle(full, workingDirectory);
        }

        var files = Directory.EnumerateFiles(full, "*.sql").Order(StringComparer.Ordinal).Select(f => PlainFile(f, workingDirectory)).ToList();
        if (files.Count == 0)
        {
            throw new MigrationSourceException(
                $"{path}: no .sql files and no Drizzle project (drizzle.config.ts or meta/_journal.json) here; give a migration file or folder");
        }

        return new MigrationSet(MigrationFormat.PlainSql, full, files, []);
    }

    private static MigrationFile PlainFile(string path, string workingDirectory) =>
        new(path, Display(path, workingDirectory), Path.GetFileNameWithoutExtension(path), File.ReadAllText(path), MigrationFormat.PlainSql, RunsInTransaction: true)
        {
            TransactionNote = "dbx assumes the runner wraps each plain .sql file in a transaction",
        };

    private static MigrationSet ReadDrizzle(string folder, string workingDirectory)
    {
        var journalPath = Path.Combine(folder, "meta", "_journal.json");
        if (!File.Exists(journalPath))
        {
            throw new MigrationSourceException($"{Display(journalPath, workingDirectory)}: the Drizzle journal is missing; run drizzle-kit generate");
        }

        var notes = new List<SourceNote>();
        var files = new List<MigrationFile>();
        using var journal = JsonDocument.Parse(File.ReadAllText(journalPath));
        if (!journal.RootElement.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new MigrationSourceException($"{Display(journalPath, workingDirectory)}: no \"entries\" array; is this a drizzle-kit journal?");
        }

        foreach (var entry in entries.EnumerateArray())
        {
            var tag = entry.TryGetProperty("tag", out var t) ? t.GetString() : null;
            if (string.IsNullOrEmpty(tag))
            {
                continue;
            }

            var sql = Path.Combine(folder, tag + ".sql");
            if (!File.Exists(sql))
            {
                notes.Add(new SourceNote(Severity.Error, $"the journal lists {tag}, but {tag}.sql is missing", Display(journalPath, workingDirectory)));
                continue;
            }

            files.Add(new MigrationFile(sql, Display(sql, workingDirectory), tag, File.ReadAllText(sql), MigrationFormat.Drizzle, RunsInTransaction: true)
            {
                TransactionNote = DrizzleNote,
            });
        }

        return new MigrationSet(MigrationFormat.Drizzle, folder, files, notes);
    }

    private static string DrizzleOut(string project)
    {
        var config = Path.Combine(project, File.Exists(Path.Combine(project, "drizzle.config.ts")) ? "drizzle.config.ts" : "drizzle.config.js");
        return OutSetting().Match(File.ReadAllText(config)) is { Success: true } match ? match.Groups["out"].Value : "drizzle";
    }

    private static string Display(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    [GeneratedRegex("""\bout\s*:\s*['"`](?<out>[^'"`]+)['"`]""", RegexOptions.CultureInvariant)]
    private static partial Regex OutSetting();
}

/// <summary>Migrations cannot be read from the given path; the message names it and what was expected.</summary>
public sealed class MigrationSourceException(string message) : Exception(message);
