using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>
/// Reads a project's migrations in the order its tool applies them: Drizzle, Prisma, Flyway, dbmate, golang-migrate, or
/// plain .sql files. A folder is recognised by its layout, a single file by its name and neighbours (a file inside a
/// Drizzle out folder keeps Drizzle's transaction semantics).
/// </summary>
public static class MigrationSources
{
    // Most specific first: a Drizzle or Prisma project may also hold loose .sql files.
    private static readonly IMigrationReader[] Readers =
        [new DrizzleReader(), new PrismaReader(), new FlywayReader(), new DbmateReader(), new GolangMigrateReader(), new PlainSqlReader()];

    /// <summary>Which tool owns <paramref name="path"/> (a project folder, a migrations folder, a migration or a config file).</summary>
    /// <exception cref="MigrationSourceException">The path does not exist, or nothing dbx knows is there (the message lists what was looked for).</exception>
    public static SourceDetection Detect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var found = Readers.Select(r => r.DetectFolder(full)).FirstOrDefault(d => d is not null);
            return found is not null
                ? found with { GivenPath = full }
                : throw new MigrationSourceException(
                    $"No migrations found in {full}. dbx looked for:\n" + string.Join('\n', Readers.Select(r => "  - " + r.LooksFor)) +
                    "\nPass the project folder, the migrations folder, or .sql files.", full);
        }

        if (!File.Exists(full))
        {
            throw new MigrationSourceException($"{full} does not exist. Pass a project folder, a migrations folder or a .sql file.", full);
        }

        var detection = Readers.Select(r => r.DetectFile(full)).FirstOrDefault(d => d is not null);
        return detection is not null
            ? detection with { GivenPath = full }
            : throw new MigrationSourceException(
                $"{full} is not a .sql migration or a migration tool's config. Pass a .sql file, a drizzle.config.* / " +
                "flyway.conf, or the project folder.", full);
    }

    /// <summary>The migrations at <paramref name="path"/>, in application order, with notes on what was skipped or assumed.</summary>
    /// <exception cref="MigrationSourceException">See <see cref="Detect"/>; also unreadable files or a malformed journal/config.</exception>
    public static MigrationSet Read(string path, MigrationSourceOptions? options = null)
    {
        var detection = Detect(path);
        var context = new SourceReadContext(detection.Root, options ?? MigrationSourceOptions.Default);
        var set = Readers.First(r => r.Format == detection.Format).Read(detection, context);
        return detection.SelectedFile is { } selected ? Select(set, selected, context) : set;
    }

    /// <summary>
    /// Several paths read one after the other, in the order given (a file named twice is read once). Display paths are
    /// relative to the working directory unless <see cref="MigrationSourceOptions.DisplayRoot"/> says otherwise.
    /// </summary>
    public static MigrationSet Read(IReadOnlyList<string> paths, MigrationSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 1)
        {
            return Read(paths[0], options);
        }

        if (paths.Count == 0)
        {
            throw new MigrationSourceException("No paths to read. Pass a project folder, a migrations folder or .sql files.");
        }

        options ??= MigrationSourceOptions.Default;
        var shared = options with { DisplayRoot = options.DisplayRoot ?? Directory.GetCurrentDirectory() };
        var sets = paths.Select(p => Read(p, shared)).ToList();
        var files = sets.SelectMany(s => s.Files).DistinctBy(f => f.Path, StringComparer.Ordinal).ToList();
        var notes = sets.SelectMany(s => s.Notes).Distinct().ToList();
        var formats = sets.Select(s => s.Format).Distinct().ToList();
        if (formats.Count > 1)
        {
            notes.Add(new SourceNote(Severity.Info, $"The paths hold migrations of several tools ({string.Join(", ", formats)}): read in the order given."));
        }

        return new MigrationSet(formats.Count == 1 ? formats[0] : MigrationFormat.PlainSql, shared.DisplayRoot!, files, notes);
    }

    /// <summary>One file out of its project: the tool's view of it, or plain SQL when the tool would not apply it.</summary>
    private static MigrationSet Select(MigrationSet set, string selected, SourceReadContext context)
    {
        var files = set.Files.Where(f => f.Path == selected).ToList();
        var display = context.Display(selected);
        var notes = set.Notes.Where(n => n.File is null || n.File == display).ToList();
        if (files.Count == 0)
        {
            files.Add(PlainSqlReader.ReadFile(selected, context));
            if (!notes.Any(n => n.File == display))
            {
                notes.Add(new SourceNote(Severity.Warning, $"{display} is not among the migrations {set.Format} would apply: read as plain SQL.", display));
            }
        }

        return set with { Files = files, Notes = notes };
    }
}
