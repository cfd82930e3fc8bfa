namespace DatabaseExpert.Workspace.Search;

/// <param name="Pattern">.NET regular expression, matched against each line.</param>
public sealed record GrepRequest(string Pattern)
{
    /// <summary>File or directory to search, relative to the workspace root; the root when null.</summary>
    public string? Path { get; init; }

    /// <summary>Only files matching this glob: against the name when it has no '/', else the path under <see cref="Path"/>.</summary>
    public string? Glob { get; init; }

    public bool CaseInsensitive { get; init; }

    public GrepOutputMode OutputMode { get; init; } = GrepOutputMode.FilesWithMatches;

    /// <summary>Lines shown before and after each match in <see cref="GrepOutputMode.Content"/> mode.</summary>
    public int ContextLines { get; init; }

    /// <summary>Cap on files (files and count modes) or matching lines (content mode); the configured default when null.</summary>
    public int? MaxResults { get; init; }
}
