using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Search.Internal;

/// <summary>Where a search starts: the workspace root or a path inside it.</summary>
internal static class SearchRoot
{
    /// <returns>The path as requested, for messages.</returns>
    public static string Resolve(WorkspaceJail jail, string? path, out string fullPath)
    {
        var requested = string.IsNullOrWhiteSpace(path) ? "." : path;
        fullPath = jail.Resolve(requested, WorkspaceAccess.Read);
        if (!Path.Exists(fullPath))
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.NotFound,
                requested,
                $"Search path '{requested}' does not exist. Leave path out to search the whole workspace.");
        }

        return requested;
    }
}
