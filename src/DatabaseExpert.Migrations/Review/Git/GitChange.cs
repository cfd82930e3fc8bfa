using DatabaseExpert.Migrations.Reporters;

namespace DatabaseExpert.Migrations.Review.Git;

/// <summary>One changed file, paths relative to the repository root with forward slashes.</summary>
/// <param name="Kind">Added (copies and untracked files count as added), modified, renamed or deleted.</param>
/// <param name="Path">The path now (for a deletion: the path that was deleted).</param>
/// <param name="OldPath">The path at the merge-base, for a rename.</param>
internal sealed record GitChange(FileChange Kind, string Path, string? OldPath = null);
