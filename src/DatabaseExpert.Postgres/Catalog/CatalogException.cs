namespace DatabaseExpert.Postgres.Catalog;

/// <summary>The catalog could not be read as asked; the message says why and what to change.</summary>
public sealed class CatalogException(string message, CatalogErrorKind kind, Exception? inner = null) : Exception(message, inner)
{
    public CatalogErrorKind Kind { get; } = kind;
}

public enum CatalogErrorKind
{
    /// <summary>The request names something that is not there (a schema, a table pattern that matches nothing).</summary>
    InvalidRequest,

    /// <summary>The server is older than the oldest version dbx reads.</summary>
    UnsupportedServer,

    /// <summary>A catalog query hit statement_timeout or lock_timeout.</summary>
    Timeout,
}
