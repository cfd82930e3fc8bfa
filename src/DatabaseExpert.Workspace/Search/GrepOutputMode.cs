namespace DatabaseExpert.Workspace.Search;

public enum GrepOutputMode
{
    /// <summary>Paths of files with a match, most recently modified first.</summary>
    FilesWithMatches,

    /// <summary>Matching lines as 'path:line:text', with optional context lines.</summary>
    Content,

    /// <summary>Number of matching lines per file.</summary>
    Count,
}
