namespace DatabaseExpert.Workspace.Jail;

/// <summary>A path that the workspace jail refuses: outside the root, through an escaping link, or into git internals.</summary>
public sealed class WorkspaceAccessException : WorkspaceToolException
{
    public WorkspaceAccessException()
        : this("Access to the path was refused.")
    {
    }

    public WorkspaceAccessException(string message)
        : base(WorkspaceErrorKind.AccessDenied, null, message)
    {
    }

    public WorkspaceAccessException(string message, Exception innerException)
        : base(WorkspaceErrorKind.AccessDenied, null, message, innerException)
    {
    }

    public WorkspaceAccessException(string? path, string message)
        : base(WorkspaceErrorKind.AccessDenied, path, message)
    {
    }
}
