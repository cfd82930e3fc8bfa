namespace DatabaseExpert.Workspace.Jail;

/// <summary>What a tool means to do with a path; writing is refused in more places than reading.</summary>
public enum WorkspaceAccess
{
    Read,
    Write,
}
