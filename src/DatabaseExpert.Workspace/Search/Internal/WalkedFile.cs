namespace DatabaseExpert.Workspace.Search.Internal;

/// <param name="RelativePath">Path relative to the workspace root, as shown to the caller.</param>
/// <param name="PathFromBase">Path relative to the directory being searched, which patterns are matched against.</param>
/// <param name="FullPath">Real path to open; for a link, its target inside the workspace.</param>
/// <param name="LastWriteUtc">Modification time.</param>
/// <param name="Length">Size in bytes.</param>
internal sealed record WalkedFile(string RelativePath, string PathFromBase, string FullPath, DateTime LastWriteUtc, long Length)
{
    public string Name => Path.GetFileName(PathFromBase);
}
