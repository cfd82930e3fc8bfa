namespace DatabaseExpert.Migrations.Review;

/// <summary>What to review.</summary>
/// <param name="Path">A project folder (or a migrations folder, or a migration tool's config file).</param>
public sealed record ReviewRequest(string Path)
{
    /// <summary>
    /// The git ref to compare with (<c>origin/main</c>): only migrations changed since the merge-base of it and HEAD are
    /// reviewed, the others being history. Null: the whole project, every migration reviewed as if new, in order.
    /// </summary>
    public string? BaseRef { get; init; }

    /// <summary>A database to explain changed query files on (URL or name). Null: explain is skipped.</summary>
    public string? Database { get; init; }

    /// <summary>
    /// Folder that finding paths are relative to when the project is not in a git repository (inside one they are relative
    /// to its root, so annotations land on the right files). Null: the project folder.
    /// </summary>
    public string? DisplayRoot { get; init; }

    public ReviewOptions Options { get; init; } = ReviewOptions.Default;
}
