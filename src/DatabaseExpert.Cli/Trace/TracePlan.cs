using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;

namespace DatabaseExpert.Cli.Trace;

/// <summary>
/// Which migrations <c>dbx trace</c> applies first (history) and which it traces (targets). A project folder: the last
/// migration by default (<c>--last N</c>, <c>--from ID</c>, <c>--all</c>), everything before it is history. Files: those
/// files, with <c>--history-from PROJECT</c> as history. A real database already has its history, so none is applied.
/// </summary>
internal sealed record TracePlan(IReadOnlyList<MigrationFile> History, IReadOnlyList<MigrationFile> Targets, IReadOnlyList<SourceNote> Notes)
{
    public static TracePlan Build(
        string workingDirectory, string[] paths, int? last, string? from, bool all, string? historyFrom, bool appliesHistory)
    {
        var selectors = (last is null ? 0 : 1) + (from is null ? 0 : 1) + (all ? 1 : 0);
        if (selectors > 1)
        {
            throw new CliException("--last, --from and --all choose the traced migrations in different ways: give one of them");
        }

        if (last is < 1)
        {
            throw new CliException($"--last {last} must be at least 1");
        }

        if (historyFrom is not null && !appliesHistory)
        {
            throw new CliException("--history-from applies to the shadow trace: a real database (--db) already has its history");
        }

        var full = paths.Select(p => Path.GetFullPath(p, workingDirectory)).ToList();
        if (paths.Length == 1 && Directory.Exists(full[0]))
        {
            if (historyFrom is not null)
            {
                throw new CliException("--history-from is for migration files; with a project folder the earlier migrations are the history");
            }

            return FromProject(Read(paths[0], workingDirectory), last, from, all, appliesHistory);
        }

        if (full.FirstOrDefault(Directory.Exists) is { } folder)
        {
            throw new CliException(
                $"{Path.GetRelativePath(workingDirectory, folder)} is a folder: give one project folder, or one or more migration files");
        }

        if (selectors > 0)
        {
            throw new CliException("--last, --from and --all choose migrations of a project folder; with files, the files given are traced");
        }

        var targets = paths.SelectMany(p => Read(p, workingDirectory).Files).ToList();
        if (historyFrom is null)
        {
            return new TracePlan([], targets, []);
        }

        var project = Read(historyFrom, workingDirectory);
        var firstTarget = project.Files.ToList().FindIndex(f => targets.Any(t => SamePath(t.Path, f.Path)));
        var history = firstTarget < 0 ? project.Files : [.. project.Files.Take(firstTarget)];

        // A traced file that belongs to the project runs as the project's tool runs it (Drizzle: in a transaction).
        var projected = targets.Select(t => project.Files.FirstOrDefault(f => SamePath(f.Path, t.Path)) ?? t).ToList();
        return new TracePlan(history, projected, project.Notes);
    }

    private static TracePlan FromProject(MigrationSet project, int? last, string? from, bool all, bool appliesHistory)
    {
        var files = project.Files;
        if (files.Count == 0)
        {
            throw new CliException($"{project.Root}: the project has no migrations to trace");
        }

        int start;
        if (all)
        {
            start = 0;
        }
        else if (from is not null)
        {
            start = files.ToList().FindIndex(f => f.Id.StartsWith(from, StringComparison.Ordinal)
                || Path.GetFileName(f.Path).StartsWith(from, StringComparison.Ordinal));
            if (start < 0)
            {
                throw new CliException($"--from {from}: no migration name starts with it; the migrations are {string.Join(", ", files.Select(f => f.Id))}");
            }
        }
        else
        {
            start = Math.Max(0, files.Count - (last ?? 1));
        }

        var notes = project.Notes.ToList();
        if (!appliesHistory && start > 0)
        {
            notes.Add(new SourceNote(Severity.Info, $"the {start} earlier migration(s) are assumed to be applied on the database already"));
        }

        return new TracePlan(appliesHistory ? [.. files.Take(start)] : [], [.. files.Skip(start)], notes);
    }

    private static MigrationSet Read(string path, string workingDirectory)
    {
        try
        {
            return MigrationSources.Read(Path.GetFullPath(path, workingDirectory), new MigrationSourceOptions { DisplayRoot = workingDirectory });
        }
        catch (MigrationSourceException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
