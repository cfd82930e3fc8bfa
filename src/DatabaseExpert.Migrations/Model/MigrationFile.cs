namespace DatabaseExpert.Migrations.Model;

/// <summary>The migration tools whose layouts dbx reads.</summary>
public enum MigrationFormat
{
    /// <summary>Plain .sql files, applied in file-name order.</summary>
    PlainSql,
    Drizzle,
    Prisma,
    Flyway,
    GolangMigrate,
    Dbmate,
}

/// <summary>One migration, in the order its tool applies it.</summary>
/// <param name="Path">Absolute path of the SQL file.</param>
/// <param name="DisplayPath">Path to show in findings (relative to the project root or working directory).</param>
/// <param name="Id">The tool's identity for it: the Drizzle journal tag, the Flyway version, the folder name, …</param>
/// <param name="Text">The SQL as the tool would run it (only the "up" part for up/down formats).</param>
/// <param name="Format">The tool that owns it.</param>
/// <param name="RunsInTransaction">Whether the tool wraps it in a transaction (which changes what is safe: CONCURRENTLY fails, locks are held to the end).</param>
public sealed record MigrationFile(string Path, string DisplayPath, string Id, string Text, MigrationFormat Format, bool RunsInTransaction)
{
    /// <summary>Line of <see cref="Text"/>'s first character in the file (up/down files start the "up" part later).</summary>
    public int FirstLine { get; init; } = 1;

    /// <summary>Why <see cref="RunsInTransaction"/> has its value (for explanations in findings).</summary>
    public string? TransactionNote { get; init; }
}

/// <summary>A note about reading a project: something skipped, assumed, or missing.</summary>
public sealed record SourceNote(Severity Severity, string Message, string? File = null, int Line = 0)
{
    /// <summary>
    /// Set when the note is a problem of the project itself (a journal entry without its file, drift…): the stable rule
    /// id under which it is reported as a <see cref="Finding"/>, with its page in docs/rules/&lt;id&gt;.md.
    /// </summary>
    public string? Rule { get; init; }

    /// <summary>What to do about it, for notes that carry a <see cref="Rule"/>.</summary>
    public string? Help { get; init; }
}

/// <summary>The migrations of a project, in application order, with what the reader noticed.</summary>
public sealed record MigrationSet(MigrationFormat Format, string Root, IReadOnlyList<MigrationFile> Files, IReadOnlyList<SourceNote> Notes);
