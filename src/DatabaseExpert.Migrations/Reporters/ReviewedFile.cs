namespace DatabaseExpert.Migrations.Reporters;

/// <summary>What a reviewed file is.</summary>
public enum ReviewFileRole
{
    /// <summary>A migration of the project: linted and traced.</summary>
    Migration,

    /// <summary>A changed .sql file that is not a migration: explained when a database is given.</summary>
    Query,

    /// <summary>The SQL the ORM would generate for schema changes no migration has yet (Drizzle drift): linted.</summary>
    PendingMigration,
}

/// <summary>How git saw a file change between the merge-base and the reviewed tree.</summary>
public enum FileChange
{
    Added,
    Modified,
    Renamed,
    Deleted,

    /// <summary>Not yet known to git (only with uncommitted changes included).</summary>
    Untracked,
}

/// <summary>One file under review.</summary>
/// <param name="Path">Path as findings name it (relative to the display root, forward slashes).</param>
/// <param name="Role">Migration, query or pending drift SQL.</param>
/// <param name="Change">The git change; null when the whole project is reviewed.</param>
public sealed record ReviewedFile(string Path, ReviewFileRole Role, FileChange? Change = null)
{
    /// <summary>The old path of a renamed file.</summary>
    public string? PreviousPath { get; init; }

    /// <summary>True for a migration that already existed at the merge-base (and so probably ran elsewhere).</summary>
    public bool ExistedAtBase { get; init; }

    /// <summary>Lower-case word for the change, as reports show it ("added"; "as new" when the whole project is reviewed).</summary>
    public string ChangeName => Change?.ToString().ToLowerInvariant() ?? "as new";
}
