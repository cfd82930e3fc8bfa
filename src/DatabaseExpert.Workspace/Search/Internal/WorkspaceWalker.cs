using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Search.Internal;

/// <summary>
/// Lists the files under a directory of the workspace. Skips noise directories (unless the caller names them),
/// never follows directory links (no loops, no duplicates), and hides file links that lead outside the workspace.
/// </summary>
internal sealed class WorkspaceWalker(WorkspaceJail jail, IReadOnlyList<string> skippedDirectories)
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    public IEnumerable<WalkedFile> Files(string baseDirectory, Func<string, bool> isNamed, CancellationToken cancellationToken)
    {
        var pending = new Stack<string>();
        pending.Push(baseDirectory);
        while (pending.TryPop(out var directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entry in List(directory))
            {
                if (entry.LinkTarget is not null)
                {
                    if (jail.TryResolve(entry.FullName, WorkspaceAccess.Read, out var target) && File.Exists(target)
                        && !Directory.Exists(target))
                    {
                        var info = new FileInfo(target);
                        yield return Walked(baseDirectory, entry.FullName, target, info.LastWriteTimeUtc, info.Length);
                    }
                }
                else if (entry is DirectoryInfo)
                {
                    if (!skippedDirectories.Contains(entry.Name, StringComparer.Ordinal) || isNamed(entry.Name))
                    {
                        pending.Push(entry.FullName);
                    }
                }
                else if (entry is FileInfo file)
                {
                    yield return Walked(baseDirectory, file.FullName, file.FullName, file.LastWriteTimeUtc, file.Length);
                }
            }
        }
    }

    private WalkedFile Walked(string baseDirectory, string path, string target, DateTime lastWriteUtc, long length) =>
        new(
            jail.ToRelative(path),
            Path.GetRelativePath(baseDirectory, path).Replace(Path.DirectorySeparatorChar, '/'),
            target,
            lastWriteUtc,
            length);

    private static List<FileSystemInfo> List(string directory)
    {
        try
        {
            return [.. new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel).OrderBy(e => e.Name, StringComparer.Ordinal)];
        }
        catch (IOException)
        {
            // Removed while we walked: nothing to list.
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
