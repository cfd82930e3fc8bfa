namespace DatabaseExpert.Workspace.Search;

/// <summary>A line of Grep content output: a match or a context line around one.</summary>
public sealed record GrepLine(string Path, int LineNumber, string Text, bool IsMatch);
