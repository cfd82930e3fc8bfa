using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>
/// The migrations lint and trace look at. <see cref="History"/> comes first and is applied (trace) or read for the schema
/// it leaves (lint) but not reported; <see cref="Targets"/> run in order, from the first reviewed migration to the last.
/// Unchanged migrations between two reviewed ones are targets too (they must run in between) but the runner drops their
/// findings: only files in <see cref="Reviewed"/> are reported.
/// </summary>
/// <param name="Set">The whole project.</param>
/// <param name="History">Migrations before the first reviewed one, in order.</param>
/// <param name="Targets">Migrations from the first reviewed one to the last, in order.</param>
/// <param name="Reviewed">Paths (<see cref="MigrationFile.Path"/>) of the migrations under review.</param>
public sealed record MigrationScope(
    MigrationSet Set, IReadOnlyList<MigrationFile> History, IReadOnlyList<MigrationFile> Targets, IReadOnlySet<string> Reviewed)
{
    public bool IsReviewed(MigrationFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Reviewed.Contains(file.Path);
    }

    /// <summary>History then targets: every migration up to the last reviewed one.</summary>
    public IReadOnlyList<MigrationFile> All => [.. History, .. Targets];

    /// <summary>A scope of <paramref name="reviewed"/> (in the set's order) with everything before the first as history.</summary>
    public static MigrationScope Of(MigrationSet set, IReadOnlyCollection<MigrationFile> reviewed)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(reviewed);
        var paths = reviewed.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var files = set.Files.ToList();
        var first = files.FindIndex(f => paths.Contains(f.Path));
        var last = files.FindLastIndex(f => paths.Contains(f.Path));
        return first < 0
            ? new MigrationScope(set, files, [], paths)
            : new MigrationScope(set, files[..first], files[first..(last + 1)], paths);
    }
}
