using DatabaseExpert.Workspace.Jail;
using DatabaseExpert.Workspace.Search.Internal;

namespace DatabaseExpert.Workspace.Search;

/// <summary>Finds files by name pattern, most recently modified first.</summary>
public sealed class GlobTool
{
    private readonly WorkspaceJail _jail;
    private readonly WorkspaceToolOptions _options;
    private readonly WorkspaceWalker _walker;

    public GlobTool(WorkspaceJail jail, WorkspaceToolOptions options)
    {
        options.Validate();
        _jail = jail;
        _options = options;
        _walker = new WorkspaceWalker(jail, options.SkippedDirectories);
    }

    /// <param name="pattern">Glob relative to <paramref name="path"/>, e.g. '**/*.sql' or 'drizzle/{migrations,meta}/*'.</param>
    /// <param name="path">Directory to search, relative to the workspace root; the root when omitted.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public Task<GlobResult> GlobAsync(string pattern, string? path = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Glob(pattern, path, cancellationToken), cancellationToken);

    private GlobResult Glob(string pattern, string? path, CancellationToken cancellationToken)
    {
        var requested = SearchRoot.Resolve(_jail, path, out var baseDirectory);
        if (!Directory.Exists(baseDirectory))
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.NotADirectory,
                requested,
                $"Glob path '{requested}' is a file, not a directory. Pass its folder as path, or Read the file.");
        }

        var glob = GlobPattern.Parse(Normalize(pattern, baseDirectory));
        var matches = _walker.Files(baseDirectory, glob.Names, cancellationToken)
            .Where(file => glob.IsMatch(file.PathFromBase))
            .OrderByDescending(file => file.LastWriteUtc)
            .ThenBy(file => file.RelativePath, StringComparer.Ordinal)
            .Select(file => file.RelativePath)
            .ToList();
        var shown = matches.Take(_options.GlobMaxResults).ToList();
        return new GlobResult(pattern, _jail.ToRelative(baseDirectory), shown, matches.Count, matches.Count > shown.Count);
    }

    /// <summary>Accepts what models tend to send: './x', or an absolute pattern under the search directory.</summary>
    private static string Normalize(string pattern, string baseDirectory)
    {
        var trimmed = pattern.Trim();
        if (trimmed.Length == 0)
        {
            throw new WorkspaceToolException(
                WorkspaceErrorKind.InvalidArgument, null, "The glob pattern is empty. Pass one such as '**/*.ts'.");
        }

        if (trimmed.StartsWith('/'))
        {
            var prefix = baseDirectory.TrimEnd('/') + "/";
            if (!trimmed.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new WorkspaceToolException(
                    WorkspaceErrorKind.InvalidArgument,
                    null,
                    $"Glob pattern '{pattern}' is absolute. Make it relative to the search path, e.g. '**/*.ts'.");
            }

            trimmed = trimmed[prefix.Length..];
        }

        while (trimmed.StartsWith("./", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        return trimmed;
    }
}
