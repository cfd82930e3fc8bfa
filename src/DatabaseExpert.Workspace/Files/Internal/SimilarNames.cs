using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Files.Internal;

/// <summary>Builds the "file not found" error, naming files in the same folder that the caller may have meant.</summary>
internal static class SimilarNames
{
    private const int MaxSuggestions = 5;

    public static WorkspaceToolException NotFound(WorkspaceJail jail, string requestedPath, string fullPath, string fix)
    {
        var directory = Path.GetDirectoryName(fullPath);
        var suggestions = directory is not null && Directory.Exists(directory)
            ? Find(directory, Path.GetFileName(fullPath)).Select(jail.ToRelative).ToList()
            : [];
        var message = $"File '{requestedPath}' does not exist.";
        if (suggestions.Count > 0)
        {
            message += $" Similar names in that folder: {string.Join(", ", suggestions.Select(s => $"'{s}'"))}.";
        }
        else if (directory is not null && !Directory.Exists(directory))
        {
            message += $" Its folder '{jail.ToRelative(directory)}' does not exist either.";
        }

        return new WorkspaceToolException(WorkspaceErrorKind.NotFound, requestedPath, $"{message} {fix}");
    }

    private static IEnumerable<string> Find(string directory, string name)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory).ToList();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        return entries
            .Select(entry => (entry, score: Score(name, stem, Path.GetFileName(entry))))
            .Where(candidate => candidate.score < int.MaxValue)
            .OrderBy(candidate => candidate.score)
            .ThenBy(candidate => candidate.entry, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(candidate => candidate.entry);
    }

    /// <summary>Lower is closer; <see cref="int.MaxValue"/> means not similar at all.</summary>
    private static int Score(string name, string stem, string candidate)
    {
        if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var candidateStem = Path.GetFileNameWithoutExtension(candidate);
        if (stem.Length > 0 && string.Equals(stem, candidateStem, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var distance = DatabaseExpert.Common.EditDistance.Of(name.ToUpperInvariant(), candidate.ToUpperInvariant());
        if (distance <= Math.Max(2, name.Length / 3))
        {
            return 2 + distance;
        }

        var contains = stem.Length >= 3 && candidate.Contains(stem, StringComparison.OrdinalIgnoreCase);
        return contains ? 100 : int.MaxValue;
    }
}
