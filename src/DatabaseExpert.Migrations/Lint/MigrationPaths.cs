using System.Text.Json;
using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Lint;

/// <summary>
/// A deliberately small reader for <c>dbx lint PATH…</c> until the project readers of Sources/ take over: a .sql file
/// is one migration; a Drizzle folder (a <c>drizzle.config.*</c> with <c>out:</c>, or a <c>meta/_journal.json</c>) is its
/// journal's files in order, run in one transaction; any other folder is its .sql files (recursively) in path order.
/// </summary>
public static partial class MigrationPaths
{
    private const string DrizzleNote = "drizzle-kit migrate runs all pending migrations in one transaction";

    public static MigrationSet Read(IReadOnlyList<string> paths, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<MigrationFile>();
        var notes = new List<SourceNote>();
        var format = MigrationFormat.PlainSql;
        foreach (var given in paths)
        {
            var path = Path.GetFullPath(given, workingDirectory);
            if (File.Exists(path))
            {
                files.Add(PlainFile(path, workingDirectory));
            }
            else if (Directory.Exists(path))
            {
                var folder = ReadFolder(path, workingDirectory, notes);
                format = folder.Format;
                files.AddRange(folder.Files);
            }
            else
            {
                throw new MigrationSourceException($"{given}: no such file or folder");
            }
        }

        return new MigrationSet(format, workingDirectory, files, notes);
    }

    private static (MigrationFormat Format, List<MigrationFile> Files) ReadFolder(string folder, string workingDirectory, List<SourceNote> notes)
    {
        var drizzle = DrizzleOut(folder);
        if (drizzle is not null)
        {
            return (MigrationFormat.Drizzle, ReadJournal(drizzle, workingDirectory, notes));
        }

        var files = Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => PlainFile(f, workingDirectory))
            .ToList();
        if (files.Count == 0)
        {
            notes.Add(new SourceNote(Severity.Warning, "no .sql files in this folder", Display(folder, workingDirectory)));
        }

        return (MigrationFormat.PlainSql, files);
    }

    /// <summary>The Drizzle migrations folder for a project root or the migrations folder itself, or null.</summary>
    private static string? DrizzleOut(string folder)
    {
        if (File.Exists(Path.Combine(folder, "meta", "_journal.json")))
        {
            return folder;
        }

        foreach (var config in (string[])["drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.json"])
        {
            var path = Path.Combine(folder, config);
            if (File.Exists(path) && OutSetting().Match(File.ReadAllText(path)) is { Success: true } match)
            {
                var outFolder = Path.GetFullPath(match.Groups["out"].Value, folder);
                if (Directory.Exists(outFolder))
                {
                    return outFolder;
                }
            }
        }

        var conventional = Path.Combine(folder, "drizzle");
        return File.Exists(Path.Combine(conventional, "meta", "_journal.json")) ? conventional : null;
    }

    private static List<MigrationFile> ReadJournal(string folder, string workingDirectory, List<SourceNote> notes)
    {
        var journal = Path.Combine(folder, "meta", "_journal.json");
        var files = new List<MigrationFile>();
        if (!File.Exists(journal))
        {
            notes.Add(new SourceNote(Severity.Warning, "no meta/_journal.json: files read in name order", Display(folder, workingDirectory)));
            return [.. Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal).Select(f => DrizzleFile(f, workingDirectory))];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(journal));
        foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            var tag = entry.GetProperty("tag").GetString() ?? string.Empty;
            var path = Path.Combine(folder, tag + ".sql");
            if (File.Exists(path))
            {
                files.Add(DrizzleFile(path, workingDirectory) with { Id = tag });
            }
            else
            {
                notes.Add(new SourceNote(Severity.Error, $"the journal lists {tag}, but {tag}.sql is missing", Display(journal, workingDirectory)));
            }
        }

        return files;
    }

    private static MigrationFile PlainFile(string path, string workingDirectory) =>
        new(path, Display(path, workingDirectory), Path.GetFileNameWithoutExtension(path), File.ReadAllText(path), MigrationFormat.PlainSql, RunsInTransaction: false);

    private static MigrationFile DrizzleFile(string path, string workingDirectory) =>
        new(path, Display(path, workingDirectory), Path.GetFileNameWithoutExtension(path), File.ReadAllText(path), MigrationFormat.Drizzle, RunsInTransaction: true)
        {
            TransactionNote = DrizzleNote,
        };

    private static string Display(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    [GeneratedRegex(@"\bout\s*:\s*['""`](?<out>[^'""`]+)['""`]", RegexOptions.CultureInvariant)]
    private static partial Regex OutSetting();
}

/// <summary>A path given to lint that cannot be read.</summary>
public sealed class MigrationSourceException(string message) : Exception(message);
