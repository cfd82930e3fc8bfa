using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Tests.Jail;

public sealed class WorkspaceJailTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public WorkspaceJailTests()
    {
        _workspace.WriteFile("inside.txt", "inside\n");
        _workspace.WriteFile("src/app.ts", "export {};\n");
        _workspace.WriteFile(".git/config", "[core]\n");
        _workspace.WriteFile("src/sub/.git/HEAD", "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(_workspace.Outside, "secret.txt"), "secret\n");

        Link("link-to-inside", "inside.txt");
        Link("link-dir-inside", "src");
        Link("link-to-git", ".git");
        Link("link-to-outside-file", Path.Combine(_workspace.Outside, "secret.txt"));
        Link("link-to-outside-dir", _workspace.Outside);
        Link("link-to-parent", "..");
        Link("chain-1", "chain-2");
        Link("chain-2", "src/chain-3");
        Link("src/chain-3", "../../outside/secret.txt");
        Link("chain-in-1", "chain-in-2");
        Link("chain-in-2", "src/app.ts");
        Link("dangling-out", Path.Combine(_workspace.Outside, "missing.txt"));
        Link("dangling-in", "created-later.txt");
        Link("loop-a", "loop-b");
        Link("loop-b", "loop-a");
    }

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, WorkspaceAccess> Refused => new()
    {
        { "..", WorkspaceAccess.Read },
        { "../outside/secret.txt", WorkspaceAccess.Read },
        { "a/../../x", WorkspaceAccess.Write },
        { "src/../../outside/secret.txt", WorkspaceAccess.Read },
        { "{outside}/secret.txt", WorkspaceAccess.Read },
        { "{root}/../outside/secret.txt", WorkspaceAccess.Read },
        { "/etc/passwd", WorkspaceAccess.Read },
        { "/", WorkspaceAccess.Read },
        { "link-to-outside-file", WorkspaceAccess.Read },
        { "link-to-outside-file", WorkspaceAccess.Write },
        { "link-to-outside-dir/secret.txt", WorkspaceAccess.Read },
        { "link-to-outside-dir/new-file.txt", WorkspaceAccess.Write },
        { "link-to-outside-dir/new-dir/new-file.txt", WorkspaceAccess.Write },
        { "link-to-parent/outside/secret.txt", WorkspaceAccess.Read },
        { "chain-1", WorkspaceAccess.Read },
        { "dangling-out", WorkspaceAccess.Write },
        { "loop-a", WorkspaceAccess.Read },
        { ".git/config", WorkspaceAccess.Write },
        { ".git/hooks/pre-commit", WorkspaceAccess.Write },
        { "src/sub/.git/HEAD", WorkspaceAccess.Write },
        { "link-to-git/config", WorkspaceAccess.Write },
        { "{root}/.git/config", WorkspaceAccess.Write },
    };

    public static TheoryData<string, WorkspaceAccess, string> Allowed => new()
    {
        { "inside.txt", WorkspaceAccess.Read, "inside.txt" },
        { "src/app.ts", WorkspaceAccess.Write, "src/app.ts" },
        { "./src/./app.ts", WorkspaceAccess.Read, "src/app.ts" },
        { "src/../inside.txt", WorkspaceAccess.Read, "inside.txt" },
        { "{root}/src/app.ts", WorkspaceAccess.Read, "src/app.ts" },
        { "link-to-inside", WorkspaceAccess.Write, "inside.txt" },
        { "link-dir-inside/app.ts", WorkspaceAccess.Read, "src/app.ts" },
        { "chain-in-1", WorkspaceAccess.Read, "src/app.ts" },
        { "dangling-in", WorkspaceAccess.Write, "created-later.txt" },
        { "new/dir/file.txt", WorkspaceAccess.Write, "new/dir/file.txt" },
        { "~/notes.txt", WorkspaceAccess.Write, "~/notes.txt" },
        { "~", WorkspaceAccess.Read, "~" },
        { ".git/config", WorkspaceAccess.Read, ".git/config" },
        { ".gitignore", WorkspaceAccess.Write, ".gitignore" },
        { "src/.github/workflows/ci.yml", WorkspaceAccess.Write, "src/.github/workflows/ci.yml" },
        { ".", WorkspaceAccess.Read, "." },
        { "src/", WorkspaceAccess.Read, "src" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Resolve_RefusesEscapes(string template, WorkspaceAccess access)
    {
        var path = Expand(template);

        var refusal = Assert.Throws<WorkspaceAccessException>(() => _workspace.Jail.Resolve(path, access));

        Assert.Equal(WorkspaceErrorKind.AccessDenied, refusal.Kind);
        Assert.Equal(path, refusal.Path);
        Assert.Contains($"'{path}'", refusal.Message, StringComparison.Ordinal);
        Assert.False(_workspace.Jail.TryResolve(path, access, out _));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Resolve_AllowsPathsInside(string template, WorkspaceAccess access, string expectedRelative)
    {
        var resolved = _workspace.Jail.Resolve(Expand(template), access);

        Assert.Equal(expectedRelative, _workspace.Jail.ToRelative(resolved));
        Assert.StartsWith(_workspace.Jail.Root, resolved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\0b", @"'a\0b'")]
    [InlineData("src/app.ts\0.png", @"'src/app.ts\0.png'")]
    [InlineData("", "''")]
    [InlineData("   ", "'   '")]
    public void Resolve_RefusesEmptyOrNulPaths_NamingThemPrintably(string path, string shownAs)
    {
        var refusal = Assert.Throws<WorkspaceAccessException>(() => _workspace.Jail.Resolve(path, WorkspaceAccess.Read));

        Assert.Contains(shownAs, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', refusal.Message);
    }

    [Fact]
    public void Resolve_SymlinkEscape_MessageNamesTheLinkAndTheFix()
    {
        var refusal = Assert.Throws<WorkspaceAccessException>(
            () => _workspace.Jail.Resolve("link-to-outside-dir/secret.txt", WorkspaceAccess.Read));

        Assert.Contains("symbolic link 'link-to-outside-dir'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("outside the workspace root", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("copy the file into the workspace", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TildeIsNotExpanded()
    {
        var resolved = _workspace.Jail.Resolve("~/.bashrc", WorkspaceAccess.Read);

        Assert.Equal(Path.Combine(_workspace.Jail.Root, "~", ".bashrc"), resolved);
        Assert.NotEqual(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".bashrc"), resolved);
    }

    [Fact]
    public void Root_IsTheRealPath_WhenGivenThroughALink()
    {
        var viaLink = Path.Combine(_workspace.Base, "root-link");
        Directory.CreateSymbolicLink(viaLink, _workspace.Root);

        var jail = new WorkspaceJail(viaLink);

        Assert.Equal(_workspace.Jail.Root, jail.Root);
        Assert.Equal(Path.Combine(jail.Root, "inside.txt"), jail.Resolve(Path.Combine(viaLink, "inside.txt"), WorkspaceAccess.Read));
        Assert.Throws<WorkspaceAccessException>(() => jail.Resolve("link-to-outside-file", WorkspaceAccess.Read));
    }

    [Fact]
    public void Constructor_MissingRoot_SaysSo()
    {
        var missing = Path.Combine(_workspace.Base, "does-not-exist");

        var error = Assert.Throws<DirectoryNotFoundException>(() => new WorkspaceJail(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private string Expand(string template) =>
        template.Replace("{root}", _workspace.Root, StringComparison.Ordinal)
            .Replace("{outside}", _workspace.Outside, StringComparison.Ordinal);

    private void Link(string relative, string target)
    {
        var path = _workspace.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }
}
