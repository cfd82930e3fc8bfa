using Npgsql;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>Turns a PostgreSQL error during EXPLAIN into a message about the user's SQL (positions mapped back into it).</summary>
internal static class ServerErrors
{
    /// <param name="error">What the server said.</param>
    /// <param name="sql">The user's statement.</param>
    /// <param name="prefixLength">Characters dbx sent before the statement (<c>EXPLAIN (…) </c>, <c>PREPARE … AS </c>).</param>
    /// <param name="timeout">The statement_timeout in force.</param>
    public static ExplainException Map(PostgresException error, string sql, int prefixLength, TimeSpan timeout)
    {
        var where = error.Position > prefixLength ? $" at {TextPosition.Describe(sql, error.Position - 1 - prefixLength)}" : string.Empty;
        var hint = error.Hint is { Length: > 0 } h ? $" (hint: {h})" : string.Empty;
        var said = $"{error.MessageText}{hint} [{error.SqlState}]";
        return error.SqlState switch
        {
            PostgresErrorCodes.QueryCanceled => new ExplainException(
                $"the EXPLAIN was cancelled after the {timeout.TotalSeconds:0.#} s statement timeout: {said}. Raise the timeout, or drop ANALYZE "
                + "to see the plan without running the statement",
                ExplainErrorKind.ServerError,
                error),
            PostgresErrorCodes.LockNotAvailable => new ExplainException(
                $"the statement waited too long for a lock held by another session: {said}. Retry later or on a shadow copy",
                ExplainErrorKind.ServerError,
                error),
            PostgresErrorCodes.ReadOnlySqlTransaction => new ExplainException(
                $"the statement tried to write inside the read-only transaction EXPLAIN ANALYZE uses{where}: {said}. It calls something "
                + "with side effects (nextval(), a writing function); use plain EXPLAIN, or a writable target (read-write mode, --db shadow)",
                ExplainErrorKind.Refused,
                error),
            _ when error.SqlState.StartsWith("42", StringComparison.Ordinal) || error.SqlState.StartsWith("22", StringComparison.Ordinal)
                || error.SqlState.StartsWith("0A", StringComparison.Ordinal) || error.SqlState.StartsWith("23", StringComparison.Ordinal) =>
                new ExplainException($"PostgreSQL rejected the statement{where}: {said}", ExplainErrorKind.StatementError, error),
            _ => new ExplainException($"PostgreSQL failed to explain the statement{where}: {said}", ExplainErrorKind.ServerError, error),
        };
    }
}
