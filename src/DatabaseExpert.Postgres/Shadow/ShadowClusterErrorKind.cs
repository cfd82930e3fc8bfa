namespace DatabaseExpert.Postgres.Shadow;

/// <summary>Why a shadow cluster could not be provided; lets callers (e.g. <c>dbx doctor</c>) react without parsing text.</summary>
public enum ShadowClusterErrorKind
{
    /// <summary>No usable initdb/pg_ctl/postgres were found, or DBX_PG_BIN points somewhere unusable.</summary>
    BinariesNotFound,

    /// <summary>Running as root without a way to run PostgreSQL as an unprivileged user.</summary>
    NoUnprivilegedUser,

    /// <summary>initdb failed while building the cached template.</summary>
    TemplateCreationFailed,

    /// <summary>The server did not start or did not become ready in time.</summary>
    StartFailed,

    /// <summary>The options are invalid.</summary>
    InvalidOptions,

    /// <summary>The operating system is not supported (Windows: use WSL, or a real server through a connection string).</summary>
    UnsupportedPlatform,

    /// <summary>A file system operation on the cluster or cache directories failed.</summary>
    FileSystem,
}
