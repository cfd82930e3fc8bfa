using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Connections;

namespace DatabaseExpert.Migrations.Trace;

/// <summary>How the traced changes are kept or thrown away.</summary>
public enum TraceIsolation
{
    /// <summary>
    /// A throwaway database (the default shadow cluster): every file runs and commits the way its tool would, so later
    /// files see the effects of earlier ones.
    /// </summary>
    CommitEachFile,

    /// <summary>
    /// A real database: everything runs inside one transaction that is always rolled back (each file in a savepoint).
    /// The locks are real while the trace runs.
    /// </summary>
    RollBackEverything,
}

/// <summary>What to trace, and where.</summary>
public sealed record TraceRequest
{
    /// <summary>Migrations applied first, in order, without tracing (they are not the change under review).</summary>
    public IReadOnlyList<MigrationFile> History { get; init; } = [];

    /// <summary>Migrations to trace statement by statement, in order.</summary>
    public required IReadOnlyList<MigrationFile> Targets { get; init; }

    /// <summary>Optional SQL run after the history and before the targets, so scans and rewrites touch real rows.</summary>
    public SeedScript? Seed { get; init; }

    /// <summary>Where to run: <see cref="DatabaseTarget.Shadow"/> (a fresh embedded cluster) by default.</summary>
    public DatabaseTarget Database { get; init; } = DatabaseTarget.Shadow;

    /// <summary>
    /// Null = by target: <see cref="TraceIsolation.CommitEachFile"/> for the shadow cluster,
    /// <see cref="TraceIsolation.RollBackEverything"/> for any other database. Committing on a non-shadow target is only
    /// for scratch databases the caller owns (tests, a throwaway branch).
    /// </summary>
    public TraceIsolation? Isolation { get; init; }

    /// <summary>
    /// Consent to take real locks on a non-shadow database. A rolled-back transaction still locks real tables (an ALTER
    /// TABLE blocks the application while it runs), so tracing there is refused without it.
    /// </summary>
    public bool AllowLocksOnDatabase { get; init; }

    /// <summary>The PostgreSQL major version production runs; a note is added when the tracing server differs.</summary>
    public int? PgVersion { get; init; }

    /// <summary>
    /// Longest a single statement may run before dbx cancels it. Null = no limit on a throwaway database and
    /// <see cref="MigrationTracer.RealDatabaseStatementLimit"/> on a real one (where a long statement holds real locks).
    /// </summary>
    public TimeSpan? StatementTimeLimit { get; init; }
}

/// <summary>Seed data: SQL run once after the history.</summary>
/// <param name="DisplayPath">How to name it in messages.</param>
/// <param name="Text">The SQL.</param>
public sealed record SeedScript(string DisplayPath, string Text)
{
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SeedScript FromFile(string path, string displayPath) => new(displayPath, File.ReadAllText(path));
}
