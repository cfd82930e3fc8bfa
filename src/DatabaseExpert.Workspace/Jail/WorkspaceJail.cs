using System.Diagnostics.CodeAnalysis;
using System.Text;
using DatabaseExpert.Workspace.Jail.Internal;

namespace DatabaseExpert.Workspace.Jail;

/// <summary>
/// Keeps every tool path inside one workspace root: no '..' escapes, no absolute paths elsewhere, no symbolic links
/// (files, directories, chains or dangling ones) that lead out, and no writes into git internals.
/// </summary>
public sealed class WorkspaceJail
{
    private const string GitDirectory = ".git";

    private readonly string _givenRoot;

    /// <param name="rootDirectory">An existing directory; its real path (links followed) is taken once, here.</param>
    public WorkspaceJail(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _givenRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        if (!Directory.Exists(_givenRoot))
        {
            throw new DirectoryNotFoundException(
                $"Workspace root '{rootDirectory}' does not exist or is not a directory. Create it or pass an existing directory.");
        }

        Root = PhysicalPathResolver.Resolve(_givenRoot, []);
    }

    /// <summary>The real path of the workspace root, without symbolic links.</summary>
    public string Root { get; }

    /// <summary>
    /// The real full path that <paramref name="path"/> designates, guaranteed to lie inside <see cref="Root"/>.
    /// Relative paths are taken from the root; '~' is an ordinary name.
    /// </summary>
    /// <exception cref="WorkspaceAccessException">The path is refused; the message says why and how to fix it.</exception>
    public string Resolve(string path, WorkspaceAccess access) => Check(path, access, out var refusal) ?? throw refusal!;

    /// <summary>Like <see cref="Resolve"/> but answers false instead of throwing.</summary>
    public bool TryResolve(string path, WorkspaceAccess access, [NotNullWhen(true)] out string? fullPath)
    {
        fullPath = Check(path, access, out _);
        return fullPath is not null;
    }

    /// <summary>The path of a full path inside the root, relative to it with '/' separators; "." for the root itself.</summary>
    public string ToRelative(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private string? Check(string? path, WorkspaceAccess access, out WorkspaceAccessException? refusal)
    {
        refusal = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            refusal = Refuse(path ?? "", "the path is empty", "Pass a path relative to the workspace root, e.g. 'src/db/schema.ts'.");
            return null;
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            refusal = Refuse(path, "the path contains a NUL character", "Remove the NUL character from the path.");
            return null;
        }

        var lexical = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, Root));
        if (!IsInside(lexical, Root) && !IsInside(lexical, _givenRoot))
        {
            var reason = Path.IsPathRooted(path)
                ? $"it is an absolute path outside the workspace root '{Root}'"
                : $"it leads out of the workspace root '{Root}' through '..'";
            refusal = Refuse(path, reason, "Use a path inside the workspace, relative to its root, e.g. 'src/db/schema.ts'.");
            return null;
        }

        var hops = new List<SymbolicLinkHop>();
        string real;
        try
        {
            real = PhysicalPathResolver.Resolve(lexical, hops);
        }
        catch (IOException ex)
        {
            refusal = Refuse(path, $"it cannot be resolved: {ex.Message}", "Fix or remove the symbolic link loop.");
            return null;
        }

        if (!IsInside(real, Root))
        {
            var via = hops.Count == 0
                ? ""
                : " through symbolic link " + string.Join(", ", hops.Select(h => $"'{DisplayLink(h.LinkPath)}' -> '{h.Target}'"));
            refusal = Refuse(
                path,
                $"it resolves{via} to '{real}', which is outside the workspace root '{Root}'",
                "Only files inside the workspace can be used; copy the file into the workspace if you need it.");
            return null;
        }

        if (access == WorkspaceAccess.Write && (IsGitInternal(ToRelative(real)) || IsGitInternal(RelativeToEitherRoot(lexical))))
        {
            refusal = Refuse(
                path,
                "it is inside a '.git' directory, and git internals are never written directly",
                "Use git commands through Bash to change the repository, or write a file outside '.git'.");
            return null;
        }

        return real;
    }

    private string RelativeToEitherRoot(string lexical) =>
        Path.GetRelativePath(IsInside(lexical, Root) ? Root : _givenRoot, lexical);

    private string DisplayLink(string linkPath) => IsInside(linkPath, Root) ? ToRelative(linkPath) : linkPath;

    private static bool IsGitInternal(string relativePath) =>
        relativePath.Split('/').Any(part => string.Equals(part, GitDirectory, StringComparison.OrdinalIgnoreCase));

    private static bool IsInside(string fullPath, string root) =>
        string.Equals(fullPath, root, StringComparison.Ordinal)
        || (fullPath.StartsWith(root, StringComparison.Ordinal) && (root == "/" || fullPath[root.Length] == '/'));

    private static WorkspaceAccessException Refuse(string path, string reason, string fix) =>
        new(path, $"Access to '{Printable(path)}' was refused: {reason}. {fix}");

    /// <summary>Control characters would garble the message; show them escaped.</summary>
    internal static string Printable(string path)
    {
        if (!path.Any(char.IsControl))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            builder.Append(c == '\0' ? "\\0" : char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
