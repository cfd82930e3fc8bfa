using System.Text;
using DatabaseExpert.Workspace.Files;
using DatabaseExpert.Workspace.Jail;
using DatabaseExpert.Workspace.Tests.Diff;

namespace DatabaseExpert.Workspace.Tests.Files;

public sealed class WriteToolTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Write_NewFile_CreatesParentDirectories()
    {
        var result = await Tool().WriteAsync("drizzle/0001_init.sql", "CREATE TABLE t (id int);\nSELECT 1;");

        Assert.True(result.Created);
        Assert.Equal("drizzle/0001_init.sql", result.Path);
        Assert.Equal(2, result.Lines);
        Assert.Equal(new FileInfo(_workspace.PathOf("drizzle/0001_init.sql")).Length, result.Bytes);
        Assert.Equal("CREATE TABLE t (id int);\nSELECT 1;", _workspace.ReadFile("drizzle/0001_init.sql"));
        Assert.StartsWith("Created 'drizzle/0001_init.sql' (2 lines", result.ToModelText(), StringComparison.Ordinal);
        Assert.Equal(["drizzle", "drizzle/0001_init.sql"], _workspace.AllEntries());
    }

    [Fact]
    public async Task Write_ExistingFile_IsOverwritten()
    {
        _workspace.WriteFile("a.txt", "old content that is longer\n");

        var result = await Tool().WriteAsync("a.txt", "new\n");

        Assert.False(result.Created);
        Assert.Equal("new\n", _workspace.ReadFile("a.txt"));
        Assert.StartsWith("Overwrote 'a.txt'", result.ToModelText(), StringComparison.Ordinal);
        Assert.Equal(["a.txt"], _workspace.AllEntries());
    }

    [Fact]
    public async Task Write_KeepsTheUnixMode()
    {
        var path = _workspace.WriteFile("deploy.sh", "#!/bin/sh\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(path, mode);

        await Tool().WriteAsync("deploy.sh", "#!/bin/sh\necho hi\n");

        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Write_KeepsTheByteOrderMarkOfAnExistingFile()
    {
        _workspace.WriteBytes("bom.sql", [0xEF, 0xBB, 0xBF, .. "SELECT 1;\n"u8]);

        await Tool().WriteAsync("bom.sql", "SELECT 2;\n");

        Assert.Equal([0xEF, 0xBB, 0xBF, .. "SELECT 2;\n"u8], _workspace.ReadBytes("bom.sql"));
    }

    [Fact]
    public async Task Write_ThroughALinkInside_UpdatesTheTargetAndKeepsTheLink()
    {
        _workspace.WriteFile("real.txt", "old\n");
        File.CreateSymbolicLink(_workspace.PathOf("alias.txt"), "real.txt");

        var result = await Tool().WriteAsync("alias.txt", "new\n");

        Assert.Equal("real.txt", result.Path);
        Assert.Equal("new\n", _workspace.ReadFile("real.txt"));
        Assert.Equal("real.txt", new FileInfo(_workspace.PathOf("alias.txt")).LinkTarget);
    }

    [Fact]
    public async Task Write_Failure_LeavesNoTemporaryFileAndNothingHalfDone()
    {
        _workspace.WriteFile("blocker", "a file where a directory is needed\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().WriteAsync("blocker/child.txt", "x"));

        Assert.Equal(WorkspaceErrorKind.IoError, error.Kind);
        Assert.Contains("'blocker/child.txt'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["blocker"], _workspace.AllEntries());
        Assert.Equal("a file where a directory is needed\n", _workspace.ReadFile("blocker"));
    }

    [Fact]
    public async Task Write_ToADirectory_IsRefused()
    {
        Directory.CreateDirectory(_workspace.PathOf("src"));

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().WriteAsync("src", "x"));

        Assert.Equal(WorkspaceErrorKind.IsDirectory, error.Kind);
    }

    [Fact]
    public async Task Write_IntoGitInternals_IsRefused()
    {
        _workspace.WriteFile(".git/config", "[core]\n");

        await Assert.ThrowsAsync<WorkspaceAccessException>(() => Tool().WriteAsync(".git/config", "[evil]\n"));

        Assert.Equal("[core]\n", _workspace.ReadFile(".git/config"));
    }

    [Fact]
    public async Task Write_BinaryFileReplacedByText()
    {
        _workspace.WriteBytes("blob.bin", [1, 0, 2, 0]);

        var preview = await Tool().PreviewWriteAsync("blob.bin", "text\n");
        var result = await Tool().WriteAsync("blob.bin", "text\n");

        Assert.Contains("Binary files a/blob.bin and b/blob.bin differ", preview.Diff.Text, StringComparison.Ordinal);
        Assert.False(result.Created);
        Assert.Equal("text\n", _workspace.ReadFile("blob.bin"));
    }

    [Fact]
    public async Task PreviewWrite_NewFile_DiffsFromDevNull_WithoutTouchingDisk()
    {
        var preview = await Tool().PreviewWriteAsync("new/file.ts", "a\nb\n");

        Assert.True(preview.IsNewFile);
        Assert.Equal("--- /dev/null\n+++ b/new/file.ts\n@@ -0,0 +1,2 @@\n+a\n+b\n", preview.Diff.Text);
        Assert.Equal(2, preview.Diff.AddedLines);
        Assert.Empty(_workspace.AllEntries());
    }

    [Fact]
    public async Task PreviewWrite_ExistingFile_DiffAppliesBackToTheNewContent()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        var after = before.Replace("line 3\n", "line three\n", StringComparison.Ordinal) + "line 21";
        _workspace.WriteFile("f.txt", before);

        var preview = await Tool().PreviewWriteAsync("f.txt", after);

        Assert.False(preview.IsNewFile);
        Assert.StartsWith("--- a/f.txt\n+++ b/f.txt\n", preview.Diff.Text, StringComparison.Ordinal);
        Assert.Equal(after, PatchApplier.Apply(before, preview.Diff.Text));
        Assert.Equal(before, _workspace.ReadFile("f.txt"));
    }

    [Fact]
    public async Task PreviewWrite_SameContent_HasNoChanges()
    {
        _workspace.WriteFile("same.txt", "x\n");

        var preview = await Tool().PreviewWriteAsync("same.txt", "x\n");

        Assert.True(preview.Diff.IsEmpty);
        Assert.Equal("No changes to 'same.txt'.", preview.ToModelText());
    }

    [Fact]
    public async Task PreviewWrite_OutsideTheWorkspace_IsRefusedLikeWrite()
    {
        await Assert.ThrowsAsync<WorkspaceAccessException>(() => Tool().PreviewWriteAsync("../x.txt", "x"));
    }

    [Fact]
    public async Task Write_KeepsContentBytesExactly()
    {
        const string content = "héllo — ✓\r\nmixed\nendings";

        await Tool().WriteAsync("u.txt", content);

        Assert.Equal(Encoding.UTF8.GetBytes(content), _workspace.ReadBytes("u.txt"));
    }

    private WriteTool Tool() => new(_workspace.Jail, WorkspaceToolOptions.Default);
}
