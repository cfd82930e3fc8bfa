namespace DatabaseExpert.Postgres.Safety;

/// <summary>What running a statement would do, as far as the text shows.</summary>
public enum SqlAccess
{
    /// <summary>Reads only; runs in a read-only transaction that is always rolled back.</summary>
    Read,

    /// <summary>Changes data or schema; runs only when writes are configured, and commits only when the caller asks.</summary>
    Write,

    /// <summary>Never runs through dbx; <see cref="SqlClassification.Reason"/> says why.</summary>
    Refused,
}
