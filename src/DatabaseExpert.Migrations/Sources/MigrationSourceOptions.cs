namespace DatabaseExpert.Migrations.Sources;

/// <summary>How to read migrations.</summary>
public sealed record MigrationSourceOptions
{
    public static MigrationSourceOptions Default { get; } = new();

    /// <summary>
    /// Folder that <see cref="Model.MigrationFile.DisplayPath"/> is relative to (the working directory for the CLI, the
    /// repository root for PR annotations). Null: the project root.
    /// </summary>
    public string? DisplayRoot { get; init; }

    /// <summary>
    /// Whether plain .sql files run in one transaction each (<c>psql -1</c>, or a runner that wraps them). Plain files
    /// are otherwise assumed to run the way <c>psql -f</c> runs them: every statement commits on its own.
    /// </summary>
    public bool PlainSqlInTransaction { get; init; }
}
