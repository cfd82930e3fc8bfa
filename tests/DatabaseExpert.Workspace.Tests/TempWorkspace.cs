using System.Text;
using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Tests;

/// <summary>A fresh workspace root per test, with a sibling 'outside' directory to aim escapes at. Deleted on dispose.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Base = Path.Combine(Path.GetTempPath(), "dbx-workspace-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Base, "root");
        Outside = Path.Combine(Base, "outside");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
        Jail = new WorkspaceJail(Root);
    }

    public string Base { get; }

    public string Root { get; }

    public string Outside { get; }

    public WorkspaceJail Jail { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string WriteFile(string relative, string content) => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relative, byte[] content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string ReadFile(string relative) => File.ReadAllText(PathOf(relative));

    public byte[] ReadBytes(string relative) => File.ReadAllBytes(PathOf(relative));

    /// <summary>Every file name under the root, links included, relative to it: to spot stray temporary files.</summary>
    public List<string> AllEntries() =>
        [.. Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path))
            .Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        // Recursive delete removes links themselves, never what they point at.
        if (Directory.Exists(Base))
        {
            Directory.Delete(Base, recursive: true);
        }
    }
}
