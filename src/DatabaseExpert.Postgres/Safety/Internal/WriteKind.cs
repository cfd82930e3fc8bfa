namespace DatabaseExpert.Postgres.Safety.Internal;

/// <summary>What makes a statement a write, for callers that word it their own way (EXPLAIN's policy).</summary>
internal enum WriteKind
{
    /// <summary>Not a write: a read, or refused.</summary>
    None,

    /// <summary>The statement itself writes: DML or DDL.</summary>
    Statement,

    /// <summary>A query with <c>FOR UPDATE/SHARE</c>.</summary>
    LocksRows,

    /// <summary>A query with a data-changing statement inside (a writable CTE); the classification's position is at its keyword.</summary>
    DataChangingCte,

    /// <summary><c>SELECT … INTO</c>, which creates a table.</summary>
    SelectInto,
}
