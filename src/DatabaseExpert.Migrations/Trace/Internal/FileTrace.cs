using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>A statement with the catalog states around it, for the rules.</summary>
/// <param name="Statement">The parsed statement.</param>
/// <param name="Trace">What is reported.</param>
/// <param name="Before">The catalog just before it ran (null when it did not run).</param>
/// <param name="After">The catalog just after it ran.</param>
/// <param name="FileLocks">Locks of the file's transaction when it started (earlier files' locks excluded).</param>
internal sealed record TracedStatement(SqlStatement Statement, StatementTrace Trace, CatalogState? Before, CatalogState? After, IReadOnlySet<HeldLock> FileLocks)
{
    public bool Ran => Before is not null && After is not null;

    /// <summary>Locks acquired by this statement (pairs of relation and mode the transaction did not hold before).</summary>
    public IEnumerable<HeldLock> NewLocks => Ran ? After!.Locks.Where(l => !Before!.Locks.Contains(l)) : [];

    public IEnumerable<ConstraintState> AddedConstraints =>
        Ran ? After!.Constraints.Values.Where(c => !Before!.Constraints.ContainsKey(c.Oid)) : [];

    public IEnumerable<IndexState> AddedIndexes => Ran ? After!.Indexes.Values.Where(i => !Before!.Indexes.ContainsKey(i.Oid)) : [];

    /// <summary>The strongest lock the transaction holds on a relation after this statement.</summary>
    public LockMode? StrongestLockOn(uint oid) =>
        Ran ? After!.Locks.Where(l => l.Oid == oid).Select(l => (LockMode?)l.Mode).Max() : null;
}

/// <summary>
/// One traced file: its statements in order and the catalog at its end (null when it failed or was not traced).
/// Preexisting: the relations that existed when the file started, the only ones whose locks can block the application.
/// </summary>
internal sealed record FileTrace(
    MigrationFile File, IReadOnlyList<TracedStatement> Statements, IReadOnlySet<uint> Preexisting, CatalogState? End, bool Applied, TraceError? Error);
