namespace DatabaseExpert.Migrations.Trace;

/// <summary>What happened to a statement.</summary>
public enum StatementOutcome
{
    Executed,
    Failed,

    /// <summary>Not run: see <see cref="StatementTrace.SkipReason"/>.</summary>
    Skipped,
}

/// <summary>
/// One statement of a traced migration and what it did to the database, measured from the same backend and transaction
/// just before and just after it ran.
/// </summary>
/// <param name="Index">0-based position in the file.</param>
/// <param name="Line">1-based line of its first token in the file.</param>
/// <param name="Column">1-based column.</param>
/// <param name="EndLine">Line of its last token.</param>
/// <param name="Sql">The statement as written (without the terminating semicolon).</param>
/// <param name="Outcome">Executed, failed or skipped.</param>
public sealed record StatementTrace(int Index, int Line, int Column, int EndLine, string Sql, StatementOutcome Outcome)
{
    public double DurationMs { get; init; }

    /// <summary>Rows inserted, updated or deleted, when the statement reports a count.</summary>
    public long? RowsAffected { get; init; }

    /// <summary>Whether it ran inside a transaction (only then are its locks visible afterwards).</summary>
    public bool InTransaction { get; init; }

    /// <summary>Relation-level locks this statement acquired (modes this transaction did not hold before).</summary>
    public IReadOnlyList<LockTaken> Locks { get; init; } = [];

    /// <summary>Relations whose storage was replaced (<c>pg_class.relfilenode</c> changed): the table or index was rewritten.</summary>
    public IReadOnlyList<Rewrite> Rewrites { get; init; } = [];

    /// <summary>Relations created by this statement.</summary>
    public IReadOnlyList<string> Created { get; init; } = [];

    /// <summary>Relations dropped by this statement.</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    public IReadOnlyList<ColumnChange> ColumnChanges { get; init; } = [];

    public IReadOnlyList<ConstraintChange> ConstraintChanges { get; init; } = [];

    public IReadOnlyList<IndexChange> IndexChanges { get; init; } = [];

    /// <summary><c>lock_timeout</c> in effect while the statement ran (<c>0</c> = wait forever).</summary>
    public string LockTimeout { get; init; } = "0";

    /// <summary><c>statement_timeout</c> in effect while the statement ran.</summary>
    public string StatementTimeout { get; init; } = "0";

    /// <summary>Pre-existing relations this transaction already held ACCESS EXCLUSIVE on when the statement started.</summary>
    public IReadOnlyList<string> HeldAccessExclusive { get; init; } = [];

    /// <summary>NOTICE and WARNING messages the server sent while it ran.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>Why a <see cref="StatementOutcome.Skipped"/> statement was not run.</summary>
    public string? SkipReason { get; init; }
}
