using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Drizzle;
using DatabaseExpert.Migrations.Sources.Drizzle.Internal;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>
/// Drizzle: drizzle.config.* gives the out folder; meta/_journal.json gives the order (array order, as drizzle-orm's
/// readMigrationFiles reads it), or, in the 1.0 layout, the <c>&lt;timestamp&gt;_&lt;name&gt;</c> folder names do.
/// </summary>
internal sealed class DrizzleReader : IMigrationReader
{
    /// <summary>Checked in drizzle-orm 0.45.4 pg-core/dialect.js migrate() and 1.0.0-rc.5 pg-core/async/session.js migrate().</summary>
    private const string TransactionNote =
        "drizzle-orm's migrate() runs all pending migrations in one transaction (node-postgres, postgres-js, neon-serverless…; " +
        "not neon-http): locks taken here are held until the last pending migration commits, and CONCURRENTLY fails";

    public MigrationFormat Format => MigrationFormat.Drizzle;

    public string LooksFor => "drizzle.config.ts/js/json/mjs (Drizzle), or a Drizzle out folder with meta/_journal.json";

    public SourceDetection? DetectFolder(string directory)
    {
        if (DrizzleProject.FindConfig(directory) is { } config)
        {
            return new SourceDetection(Format, directory, Path.GetFileName(config)) { ConfigFile = config };
        }

        return DrizzleProject.IsOutFolder(directory) ? FromOutFolder(directory, null) : null;
    }

    public SourceDetection? DetectFile(string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        if (IsConfigName(Path.GetFileName(file)))
        {
            return new SourceDetection(Format, directory, Path.GetFileName(file)) { ConfigFile = file };
        }

        if (!file.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (File.Exists(Path.Combine(directory, "meta", "_journal.json")))
        {
            return FromOutFolder(directory, file);
        }

        var outFolder = Path.GetDirectoryName(directory);
        return Path.GetFileName(file) == "migration.sql" && File.Exists(Path.Combine(directory, "snapshot.json")) && outFolder is not null
            ? FromOutFolder(outFolder, file)
            : null;
    }

    /// <summary>drizzle.config.ts and the per-environment variants people pass with --config (drizzle.prod.config.ts).</summary>
    private static bool IsConfigName(string name) =>
        DrizzleProject.ConfigFileNames.Contains(name, StringComparer.Ordinal)
        || (name.StartsWith("drizzle.", StringComparison.Ordinal) && name.Contains(".config.", StringComparison.Ordinal)
            && !name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase));

    public MigrationSet Read(SourceDetection detection, SourceReadContext context)
    {
        var project = DrizzleProject.Load(detection.ConfigFile ?? OutFolderOf(detection), context.Options.DisplayRoot);
        context.Add(project.Notes);
        if (!Directory.Exists(project.OutPath))
        {
            context.Note(Severity.Info, $"The out folder {context.Display(project.OutPath)} does not exist yet: no migrations to read.");
            return context.Result(Format, []);
        }

        var files = project.Layout == DrizzleLayout.FolderPerMigration
            ? ReadFolders(project.OutPath, context)
            : ReadJournal(project.OutPath, context);
        return context.Result(Format, files);
    }

    private SourceDetection FromOutFolder(string outFolder, string? selectedFile)
    {
        var project = DrizzleProject.Load(outFolder);
        var reason = project.ConfigPath is null ? "a Drizzle migrations folder" : Path.GetFileName(project.ConfigPath);
        return new SourceDetection(Format, project.Root, reason) { ConfigFile = project.ConfigPath, SelectedFile = selectedFile };
    }

    /// <summary>The out folder a detection without config came from (the given folder, or the selected file's folder).</summary>
    private static string OutFolderOf(SourceDetection detection)
    {
        if (detection.SelectedFile is not { } file)
        {
            return detection.GivenPath;
        }

        var directory = Path.GetDirectoryName(file)!;
        return File.Exists(Path.Combine(directory, "meta", "_journal.json")) ? directory : Path.GetDirectoryName(directory)!;
    }

    private List<MigrationFile> ReadJournal(string outPath, SourceReadContext context)
    {
        var journalPath = Path.Combine(outPath, "meta", "_journal.json");
        if (!File.Exists(journalPath))
        {
            var loose = SourceReadContext.SqlFilesIn(outPath).Order(NaturalOrder.Instance).ToList();
            if (loose.Count > 0)
            {
                context.Note(Severity.Error,
                    $"{context.Display(outPath)} has no meta/_journal.json: drizzle's migrator stops with \"Can't find " +
                    "meta/_journal.json file\". dbx read its .sql files in name order. Restore the journal from version control.");
            }

            return [.. loose.Select(f => Migration(f, Path.GetFileNameWithoutExtension(f), context))];
        }

        var journal = DrizzleJournal.Read(journalPath);
        if (journal.Dialect is { } dialect && !dialect.Equals("postgresql", StringComparison.Ordinal))
        {
            context.Note(Severity.Warning, $"The journal's dialect is '{dialect}': dbx analyses PostgreSQL migrations only.", journalPath);
        }

        CheckTimestamps(journal, journalPath, context);
        var files = new List<MigrationFile>();
        foreach (var entry in journal.Entries)
        {
            var file = Path.Combine(outPath, entry.Tag + ".sql");
            if (File.Exists(file))
            {
                files.Add(Migration(file, entry.Tag, context));
                continue;
            }

            context.Problem(SourceRules.DrizzleJournalMissingFile, Severity.Error,
                $"The journal lists {entry.Tag} but {context.Display(file)} does not exist: drizzle's migrator stops with " +
                $"\"No file {entry.Tag}.sql found\" before applying anything.",
                "Restore the file from version control, or remove the entry (and its snapshot) if the migration was abandoned " +
                "and never applied anywhere.",
                journalPath, entry.Line);
        }

        var tags = journal.Entries.Select(e => e.Tag).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in SourceReadContext.SqlFilesIn(outPath).Where(f => !tags.Contains(Path.GetFileNameWithoutExtension(f))).Order(NaturalOrder.Instance))
        {
            context.Problem(SourceRules.DrizzleFileNotInJournal, Severity.Warning,
                $"{context.Display(extra)} is not listed in meta/_journal.json: drizzle's migrator never runs it.",
                "Create migrations with `drizzle-kit generate` (or `generate --custom` for hand-written SQL) so that the " +
                "journal lists them; delete the file if it is a leftover.",
                extra, 1);
        }

        return files;
    }

    /// <summary>
    /// migrate() applies an entry only when its <c>when</c> is later than the last applied migration's created_at, so an
    /// entry whose timestamp is not above every earlier one is skipped silently wherever those are applied.
    /// </summary>
    private static void CheckTimestamps(DrizzleJournal journal, string journalPath, SourceReadContext context)
    {
        JournalEntry? latest = null;
        foreach (var entry in journal.Entries)
        {
            if (latest is not null && entry.When <= latest.When)
            {
                context.Problem(SourceRules.DrizzleJournalTimestampOrder, Severity.Error,
                    $"Journal entry {entry.Tag} has when={entry.When}, not later than {latest.Tag} (when={latest.When}): " +
                    $"drizzle's migrator skips it silently on every database where {latest.Tag} is already applied.",
                    $"Before it is applied anywhere, set its \"when\" above {latest.When} (e.g. regenerate the migration after " +
                    "rebasing, or edit the value to the current time in milliseconds), keeping the entries in increasing order.",
                    journalPath, entry.Line);
                continue;
            }

            latest = entry;
        }
    }

    private List<MigrationFile> ReadFolders(string outPath, SourceReadContext context) =>
        [.. Directory.EnumerateDirectories(outPath)
            .Where(d => File.Exists(Path.Combine(d, "migration.sql")))
            .Order(StringComparer.Ordinal)
            .Select(d => Migration(Path.Combine(d, "migration.sql"), Path.GetFileName(d), context))];

    private MigrationFile Migration(string file, string id, SourceReadContext context)
    {
        var text = SourceReadContext.ReadText(file);
        BreakpointCheck.Check(text, file, context);
        return new MigrationFile(file, context.Display(file), id, text, Format, RunsInTransaction: true) { TransactionNote = TransactionNote };
    }
}
