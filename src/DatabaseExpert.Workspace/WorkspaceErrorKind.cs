namespace DatabaseExpert.Workspace;

/// <summary>Why a workspace tool refused or failed, so callers can react without parsing messages.</summary>
public enum WorkspaceErrorKind
{
    InvalidArgument,
    AccessDenied,
    NotFound,
    IsDirectory,
    NotADirectory,
    Binary,
    TooLarge,
    NoMatch,
    Ambiguous,
    NoChange,
    IoError,
}
