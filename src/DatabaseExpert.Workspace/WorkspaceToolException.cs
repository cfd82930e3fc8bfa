namespace DatabaseExpert.Workspace;

/// <summary>
/// A tool call that cannot be carried out. The message is written for the model and the user:
/// what went wrong, where, and how to fix the call.
/// </summary>
public class WorkspaceToolException : Exception
{
    public WorkspaceToolException()
        : this(WorkspaceErrorKind.IoError, null, "The workspace tool failed.")
    {
    }

    public WorkspaceToolException(string message)
        : this(WorkspaceErrorKind.IoError, null, message)
    {
    }

    public WorkspaceToolException(string message, Exception innerException)
        : this(WorkspaceErrorKind.IoError, null, message, innerException)
    {
    }

    public WorkspaceToolException(WorkspaceErrorKind kind, string? path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Path = path;
    }

    public WorkspaceErrorKind Kind { get; }

    /// <summary>The path as the caller gave it, when the failure concerns one.</summary>
    public string? Path { get; }
}
