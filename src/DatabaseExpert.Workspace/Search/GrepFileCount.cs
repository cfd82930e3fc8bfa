namespace DatabaseExpert.Workspace.Search;

public sealed record GrepFileCount(string Path, int Count);
