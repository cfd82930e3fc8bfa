namespace DatabaseExpert.Postgres.Advisor;

/// <summary>Why the advisor could not run; the message says what to do.</summary>
public enum AdvisorErrorKind
{
    /// <summary>hypopg is not installed on the server: an administrator must install the package.</summary>
    HypoPgNotInstalled,

    /// <summary>hypopg is installed but not created in this database: <c>CREATE EXTENSION hypopg</c>.</summary>
    HypoPgNotCreated,

    /// <summary>pg_stat_statements cannot be read: not installed, or not in <c>shared_preload_libraries</c>.</summary>
    StatStatementsUnavailable,

    /// <summary>pg_stat_statements is loaded but not created in this database: <c>CREATE EXTENSION pg_stat_statements</c>.</summary>
    StatStatementsNotCreated,

    /// <summary>The workload file cannot be read as SQL (an unterminated string or comment).</summary>
    InvalidWorkload,

    /// <summary>The workload holds no statement that can be costed.</summary>
    EmptyWorkload,

    /// <summary><c>--verify</c> builds indexes, which a read-only target does not allow.</summary>
    VerifyNeedsWrites,

    /// <summary>The server is older than the advisor supports.</summary>
    UnsupportedServer,

    /// <summary>The server failed or the connection broke while the advisor was working.</summary>
    ServerError,
}

public sealed class AdvisorException(AdvisorErrorKind kind, string message) : Exception(message)
{
    public AdvisorErrorKind Kind { get; } = kind;

    /// <summary>True when the user can fix it in the command or the database (as opposed to installing server software).</summary>
    public bool IsUsageError => Kind is not (AdvisorErrorKind.HypoPgNotInstalled or AdvisorErrorKind.StatStatementsUnavailable
        or AdvisorErrorKind.UnsupportedServer or AdvisorErrorKind.ServerError);
}
