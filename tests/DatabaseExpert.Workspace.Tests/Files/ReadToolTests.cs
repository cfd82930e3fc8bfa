using System.Diagnostics;
using System.Text;
using DatabaseExpert.Workspace.Files;
using DatabaseExpert.Workspace.Jail;

namespace DatabaseExpert.Workspace.Tests.Files;

public sealed class ReadToolTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Read_NumbersLinesLikeCatN()
    {
        var content = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"line {i}\twith tab")) + "\n";
        var path = _workspace.WriteFile("src/lines.txt", content);

        var result = await Tool().ReadAsync("src/lines.txt");

        Assert.Equal(await CatNAsync(path), result.ToModelText());
        Assert.Equal(12, result.TotalLines);
        Assert.False(result.HasMore);
    }

    [Fact]
    public async Task Read_OffsetAndLimit_ReturnAWindowAndSayHowToContinue()
    {
        _workspace.WriteFile("big.txt", string.Concat(Enumerable.Range(1, 50).Select(i => $"row {i}\n")));

        var result = await Tool().ReadAsync("big.txt", offset: 10, limit: 5);

        Assert.Equal(["row 10", "row 11", "row 12", "row 13", "row 14"], result.Lines);
        Assert.Equal(10, result.FirstLine);
        Assert.Equal(14, result.LastLine);
        Assert.True(result.HasMore);
        Assert.Equal(50, result.TotalLines);
        Assert.StartsWith("    10\trow 10\n", result.ToModelText(), StringComparison.Ordinal);
        Assert.Contains("Showing lines 10-14 of 50", result.ToModelText(), StringComparison.Ordinal);
        Assert.Contains("offset=15", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WithoutLimit_StopsAtTheDefaultLineLimit()
    {
        _workspace.WriteFile("many.txt", string.Concat(Enumerable.Range(1, 30).Select(i => $"{i}\n")));

        var result = await Tool(new WorkspaceToolOptions { ReadDefaultLineLimit = 8 }).ReadAsync("many.txt");

        Assert.Equal(8, result.Lines.Count);
        Assert.True(result.HasMore);
        Assert.Equal(30, result.TotalLines);
    }

    [Fact]
    public async Task Read_CutsLongLinesWithAMarker()
    {
        _workspace.WriteFile("min.js", "short\n" + new string('x', 150) + "\n");

        var result = await Tool(new WorkspaceToolOptions { ReadMaxLineLength = 100 }).ReadAsync("min.js");

        Assert.Equal("short", result.Lines[0]);
        Assert.StartsWith(new string('x', 100) + " [... line truncated, 50 more characters]", result.Lines[1], StringComparison.Ordinal);
        Assert.Equal(1, result.TruncatedLines);
        Assert.Contains("1 line was cut", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_BinaryFile_IsRefusedWithItsSize()
    {
        _workspace.WriteBytes("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().ReadAsync("logo.png"));

        Assert.Equal(WorkspaceErrorKind.Binary, error.Kind);
        Assert.Contains("'logo.png' is a binary file (10 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_LargeFile_NeedsOffsetOrLimit_ThenStreams()
    {
        _workspace.WriteFile("dump.sql", string.Concat(Enumerable.Range(1, 100).Select(i => $"INSERT INTO t VALUES ({i});\n")));
        var tool = Tool(new WorkspaceToolOptions { ReadMaxBytes = 500 });

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => tool.ReadAsync("dump.sql"));
        var part = await tool.ReadAsync("dump.sql", offset: 98);

        Assert.Equal(WorkspaceErrorKind.TooLarge, error.Kind);
        Assert.Contains("offset and limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(["INSERT INTO t VALUES (98);", "INSERT INTO t VALUES (99);", "INSERT INTO t VALUES (100);"], part.Lines);
        Assert.False(part.HasMore);
    }

    [Fact]
    public async Task Read_LargeFile_WindowInTheMiddle_DoesNotCountTheRest()
    {
        _workspace.WriteFile("dump.sql", string.Concat(Enumerable.Range(1, 100).Select(i => $"row {i}\n")));

        var part = await Tool(new WorkspaceToolOptions { ReadMaxBytes = 100 }).ReadAsync("dump.sql", offset: 5, limit: 2);

        Assert.Equal(["row 5", "row 6"], part.Lines);
        Assert.True(part.HasMore);
        Assert.Null(part.TotalLines);
        Assert.Contains("offset=7", part.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_EmptyFile_SaysItIsEmpty()
    {
        _workspace.WriteFile("empty.ts", "");

        var result = await Tool().ReadAsync("empty.ts");

        Assert.True(result.IsEmpty);
        Assert.Contains("'empty.ts' exists but is empty", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MissingFile_SuggestsSimilarNames()
    {
        _workspace.WriteFile("src/db/schema.ts", "");
        _workspace.WriteFile("src/db/Schema.test.ts", "");
        _workspace.WriteFile("src/db/unrelated.md", "");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().ReadAsync("src/db/shema.ts"));

        Assert.Equal(WorkspaceErrorKind.NotFound, error.Kind);
        Assert.Contains("'src/db/shema.ts' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("'src/db/schema.ts'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unrelated.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MissingFolder_SaysTheFolderIsMissing()
    {
        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().ReadAsync("nope/x.ts"));

        Assert.Contains("folder 'nope' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Directory_PointsToGlob()
    {
        Directory.CreateDirectory(_workspace.PathOf("src"));

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().ReadAsync("src"));

        Assert.Equal(WorkspaceErrorKind.IsDirectory, error.Kind);
        Assert.Contains("Glob", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_OffsetPastTheEnd_SaysHowManyLinesThereAre()
    {
        _workspace.WriteFile("short.txt", "a\nb\nc\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().ReadAsync("short.txt", offset: 10));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("has 3 lines", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0)]
    [InlineData(-1, 5)]
    public async Task Read_InvalidWindow_IsRefused(int? offset, int? limit)
    {
        _workspace.WriteFile("a.txt", "a\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().ReadAsync("a.txt", offset, limit));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task Read_CrlfAndBom_AreNotShown()
    {
        _workspace.WriteBytes("win.sql", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("SELECT 1;\r\nSELECT 2;\r\n")]);

        var result = await Tool().ReadAsync("win.sql");

        Assert.Equal(["SELECT 1;", "SELECT 2;"], result.Lines);
    }

    [Fact]
    public async Task Read_Utf16File_IsText()
    {
        _workspace.WriteBytes("export.sql", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("SELECT 1;\n")]);

        var result = await Tool().ReadAsync("export.sql");

        Assert.Equal(["SELECT 1;"], result.Lines);
    }

    [Fact]
    public async Task Read_OutsideTheWorkspace_IsRefused()
    {
        await Assert.ThrowsAsync<WorkspaceAccessException>(() => Tool().ReadAsync("/etc/hostname"));
    }

    private ReadTool Tool(WorkspaceToolOptions? options = null) => new(_workspace.Jail, options ?? WorkspaceToolOptions.Default);

    private static async Task<string> CatNAsync(string path)
    {
        using var cat = Process.Start(new ProcessStartInfo("cat", ["-n", path]) { RedirectStandardOutput = true })!;
        var output = await cat.StandardOutput.ReadToEndAsync();
        await cat.WaitForExitAsync();
        return output;
    }
}
