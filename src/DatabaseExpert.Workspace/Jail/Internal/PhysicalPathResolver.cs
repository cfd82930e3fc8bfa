namespace DatabaseExpert.Workspace.Jail.Internal;

/// <summary>
/// Resolves an absolute path the way the kernel would (like realpath(3)), following every symbolic link,
/// but tolerates a missing tail: from the first component that does not exist the rest is appended as given.
/// </summary>
internal static class PhysicalPathResolver
{
    // Linux gives up with ELOOP after 40 links; a chain longer than that is a loop or an attack.
    private const int MaxLinkExpansions = 40;

    /// <exception cref="IOException">The path contains a loop of symbolic links.</exception>
    public static string Resolve(string absolutePath, List<SymbolicLinkHop> hops)
    {
        var resolved = new List<string>();
        var pending = new LinkedList<string>(Split(absolutePath));
        var expansions = 0;
        var missing = false;

        while (pending.First is { } node)
        {
            var component = node.Value;
            pending.RemoveFirst();
            if (component is "" or ".")
            {
                continue;
            }

            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Join(resolved, component);
            var linkTarget = missing ? null : ReadLink(candidate);
            if (linkTarget is not null)
            {
                if (++expansions > MaxLinkExpansions)
                {
                    throw new IOException($"Too many levels of symbolic links at '{candidate}'.");
                }

                hops.Add(new SymbolicLinkHop(candidate, linkTarget));
                if (Path.IsPathRooted(linkTarget))
                {
                    resolved.Clear();
                }

                var targetComponents = Split(linkTarget);
                for (var i = targetComponents.Length - 1; i >= 0; i--)
                {
                    pending.AddFirst(targetComponents[i]);
                }

                continue;
            }

            if (!missing && !Path.Exists(candidate))
            {
                missing = true;
            }

            resolved.Add(component);
        }

        return Join(resolved, null);
    }

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            // A parent that is a regular file (ENOTDIR) and similar: the component is simply not a link.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Join(List<string> components, string? last)
    {
        var all = last is null ? components : [.. components, last];
        return "/" + string.Join('/', all);
    }
}
