namespace DatabaseExpert.Postgres.Shadow;

/// <summary>A shadow cluster problem, with a message that says what failed, where, and how to fix it.</summary>
public sealed class ShadowClusterException : Exception
{
    public ShadowClusterException(ShadowClusterErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ShadowClusterException()
        : this(ShadowClusterErrorKind.StartFailed, "The shadow PostgreSQL cluster failed.")
    {
    }

    public ShadowClusterException(string message)
        : this(ShadowClusterErrorKind.StartFailed, message)
    {
    }

    public ShadowClusterException(string message, Exception innerException)
        : this(ShadowClusterErrorKind.StartFailed, message, innerException)
    {
    }

    public ShadowClusterErrorKind Kind { get; }
}
