using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review.Git;
using DatabaseExpert.Migrations.Review.Steps;

namespace DatabaseExpert.Migrations.Review.Internal;

/// <summary>A migration under review, with how git saw it change (null when the whole project is reviewed).</summary>
internal sealed record ReviewedMigration(MigrationFile File, GitChange? Change)
{
    /// <summary>Modified or renamed: the migration was already there at the merge-base.</summary>
    public bool ExistedAtBase => Change?.Kind is FileChange.Modified or FileChange.Renamed;

    public ReviewedFile ToReport(string? previousDisplay) => new(File.DisplayPath, ReviewFileRole.Migration, Change?.Kind)
    {
        PreviousPath = previousDisplay,
        ExistedAtBase = ExistedAtBase,
    };
}

/// <summary>A changed query file and how it changed.</summary>
internal sealed record ChangedQuery(QueryFile File, FileChange Change);

/// <summary>
/// Sorts a project's files by what the review does with them: migrations to review (new or changed, in application order),
/// the history before them, deleted migrations, and changed query files.
/// </summary>
internal sealed record ChangePlan(
    IReadOnlyList<ReviewedMigration> Migrations, IReadOnlyList<GitChange> DeletedMigrations, IReadOnlyList<ChangedQuery> Queries, int ChangedFiles)
{
    public static ChangePlan WholeProject(MigrationSet set) => new([.. set.Files.Select(f => new ReviewedMigration(f, null))], [], [], 0);

    /// <summary>
    /// <paramref name="changes"/> are relative to <paramref name="root"/>, which is also the display root of
    /// <paramref name="set"/>, so a migration's display path is its path in git.
    /// </summary>
    public static ChangePlan ForDiff(MigrationSet set, IReadOnlyList<GitChange> changes, string root, string projectDirectory)
    {
        var byPath = set.Files.ToDictionary(f => f.DisplayPath, StringComparer.Ordinal);
        var migrationFolders = set.Files.Select(f => Folder(f.DisplayPath)).ToHashSet(StringComparer.Ordinal);
        var projectPrefix = Relative(root, projectDirectory) is { Length: > 0 } p ? p + "/" : "";
        var migrations = new List<ReviewedMigration>();
        var deleted = new List<GitChange>();
        var queries = new List<ChangedQuery>();
        foreach (var change in changes)
        {
            if (change.Kind != FileChange.Deleted && byPath.TryGetValue(change.Path, out var file))
            {
                migrations.Add(new ReviewedMigration(file, change));
            }
            else if (!change.Path.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) || !change.Path.StartsWith(projectPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            else if (change.Kind == FileChange.Deleted)
            {
                if (LooksLikeMigration(change.Path, migrationFolders))
                {
                    deleted.Add(change);
                }
            }
            else if (!migrationFolders.Contains(Folder(change.Path)))
            {
                // A .sql file beside the migrations that the tool does not apply is reported by the source rules, not explained.
                var path = Path.Combine(root, change.Path);
                if (File.Exists(path))
                {
                    queries.Add(new ChangedQuery(new QueryFile(path, change.Path, File.ReadAllText(path)), change.Kind));
                }
            }
        }

        var order = set.Files.Select((f, i) => (f.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        return new ChangePlan([.. migrations.OrderBy(m => order[m.File.Path])], deleted, queries, changes.Count);
    }

    public MigrationScope Scope(MigrationSet set) => MigrationScope.Of(set, [.. Migrations.Select(m => m.File)]);

    /// <summary>A deleted .sql file in a folder that holds migrations (or, for folder-per-migration layouts, beside them).</summary>
    private static bool LooksLikeMigration(string path, HashSet<string> migrationFolders) =>
        migrationFolders.Contains(Folder(path))
        || migrationFolders.Any(f => string.Equals(Folder(f), Folder(Folder(path)), StringComparison.Ordinal) && Path.GetFileName(path) == "migration.sql");

    private static string Folder(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    private static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }
}
