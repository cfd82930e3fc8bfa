namespace DatabaseExpert.Postgres.Explain;

/// <summary>Why an EXPLAIN did not produce a plan. Front ends map the kind to an exit code or a tool error.</summary>
public enum ExplainErrorKind
{
    /// <summary>The request itself is unusable (empty SQL, a setting that is not allowed, a wrong parameter count).</summary>
    InvalidRequest,

    /// <summary>The safety policy refused the statement or the ANALYZE of it; the message says how to proceed.</summary>
    Refused,

    /// <summary>PostgreSQL rejected the statement (syntax, unknown table, type error): fix the SQL.</summary>
    StatementError,

    /// <summary>The server failed while planning or running it (timeout, cancel, resources).</summary>
    ServerError,
}

/// <summary>An EXPLAIN that could not be done; the message says what, where (line and column) and how to fix it.</summary>
public sealed class ExplainException(string message, ExplainErrorKind kind, Exception? inner = null) : Exception(message, inner)
{
    public ExplainErrorKind Kind { get; } = kind;
}
