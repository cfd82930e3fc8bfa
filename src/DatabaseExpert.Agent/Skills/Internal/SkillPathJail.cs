namespace DatabaseExpert.Agent.Skills.Internal;

/// <summary>
/// Resolves a path a model asked for inside a skill folder, refusing anything that could leave it: absolute paths,
/// <c>..</c> segments, and symbolic links (anywhere along the path) whose target lies outside the folder.
/// </summary>
internal static class SkillPathJail
{
    private const int MaxLinkDepth = 32;

    /// <summary>The absolute path to read, or throws <see cref="SkillException"/> saying why not.</summary>
    public static string Resolve(string skillDirectory, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            throw new SkillException("the path is empty; give a path relative to the skill folder, such as references/guide.md");
        }

        if (Path.IsPathRooted(relativePath) || relativePath.StartsWith('/') || relativePath.StartsWith('\\')
            || relativePath.Contains(':', StringComparison.Ordinal))
        {
            throw new SkillException($"'{relativePath}' is an absolute path; give a path relative to the skill folder, such as references/guide.md");
        }

        var segments = relativePath.Split('/', '\\').Where(s => s.Length > 0 && s != ".").ToList();
        if (segments.Contains(".."))
        {
            throw new SkillException($"'{relativePath}' contains '..'; only files inside the skill folder can be read");
        }

        var root = RealPath(skillDirectory, 0);
        var candidate = Path.Combine([skillDirectory, .. segments]);
        var real = RealPath(candidate, 0);
        if (!IsInside(real, root))
        {
            throw new SkillException($"'{relativePath}' leads outside the skill folder (through a symbolic link); it cannot be read");
        }

        return real;
    }

    /// <summary>True when <paramref name="path"/>, with links resolved, lies inside the skill folder.</summary>
    public static bool StaysInside(string skillDirectory, string path)
    {
        try
        {
            return IsInside(RealPath(path, 0), RealPath(skillDirectory, 0));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SkillException)
        {
            return false;
        }
    }

    private static bool IsInside(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal)
        || path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it resolved (components that do not exist are kept as written).</summary>
    private static string RealPath(string path, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            throw new SkillException("too many levels of symbolic links; the file cannot be read");
        }

        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                var targetPath = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                next = RealPath(targetPath, depth + 1);
            }

            current = next;
        }

        return current;
    }
}
