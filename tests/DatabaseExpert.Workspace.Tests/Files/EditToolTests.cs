using System.Text;
using DatabaseExpert.Workspace.Files;
using DatabaseExpert.Workspace.Jail;
using DatabaseExpert.Workspace.Tests.Diff;

namespace DatabaseExpert.Workspace.Tests.Files;

public sealed class EditToolTests : IDisposable
{
    private const string Schema = """
        import { pgTable, serial, text } from "drizzle-orm/pg-core";

        export const users = pgTable("users", {
          id: serial("id").primaryKey(),
          name: text("name"),
        });

        """;

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Edit_ReplacesAUniqueString()
    {
        _workspace.WriteFile("schema.ts", Schema);

        var result = await Tool().EditAsync("schema.ts", "name: text(\"name\"),", "name: text(\"name\").notNull(),");

        Assert.Equal(1, result.Replacements);
        Assert.Equal([5], result.Lines);
        Assert.Equal(Schema.Replace("text(\"name\"),", "text(\"name\").notNull(),", StringComparison.Ordinal), _workspace.ReadFile("schema.ts"));
        Assert.Equal("Edited 'schema.ts': replaced 1 occurrence at line 5.", result.ToModelText());
        Assert.Equal(["schema.ts"], _workspace.AllEntries());
    }

    [Fact]
    public async Task Edit_NotFound_SaysSoAndNamesTheFile()
    {
        _workspace.WriteFile("schema.ts", Schema);

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("schema.ts", "email: text()", "x"));

        Assert.Equal(WorkspaceErrorKind.NoMatch, error.Kind);
        Assert.Contains("old_string was not found in 'schema.ts'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ignoring whitespace", error.Message, StringComparison.Ordinal);
        Assert.Equal(Schema, _workspace.ReadFile("schema.ts"));
    }

    [Fact]
    public async Task Edit_NotFound_HintsAtAWhitespaceDifferenceWithItsLine()
    {
        _workspace.WriteFile("schema.ts", Schema);

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(
            () => Tool().EditAsync("schema.ts", "id: serial(\"id\").primaryKey(),\n    name:  text(\"name\"),", "x"));

        Assert.Contains("Ignoring whitespace and line endings it matches at line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_NotFound_HintsAtLineEndingDifferences()
    {
        // Mostly LF, but the lines asked for end in CRLF: no conversion to the file's style finds them.
        _workspace.WriteFile("mixed.sql", "-- a\n-- b\n-- c\nSELECT 2;\r\nSELECT 3;\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("mixed.sql", "SELECT 2;\nSELECT 3;", "x"));

        Assert.Contains("matches at line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_LfOldStringInACrlfFile_IsFound()
    {
        _workspace.WriteFile("mixed.sql", "SELECT 1;\r\nSELECT 2;\r\nSELECT 3;\n");

        await Tool().EditAsync("mixed.sql", "SELECT 1;\nSELECT 2;", "SELECT 0;");

        Assert.Equal("SELECT 0;\r\nSELECT 3;\n", _workspace.ReadFile("mixed.sql"));
    }

    [Fact]
    public async Task Edit_NotFound_HintsAtReadLineNumberPrefixes()
    {
        _workspace.WriteFile("schema.ts", Schema);

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(
            () => Tool().EditAsync("schema.ts", "     5\t  name: text(\"name\"),", "x"));

        Assert.Contains("line number from Read output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Ambiguous_ListsTheLinesOfEveryOccurrence()
    {
        _workspace.WriteFile("q.sql", "SELECT 1;\nSELECT 2;\nSELECT 1;\n\nSELECT 1;\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("q.sql", "SELECT 1;", "SELECT 9;"));

        Assert.Equal(WorkspaceErrorKind.Ambiguous, error.Kind);
        Assert.Contains("occurs 3 times in 'q.sql' (lines 1, 3, 5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("replace_all", error.Message, StringComparison.Ordinal);
        Assert.Equal("SELECT 1;\nSELECT 2;\nSELECT 1;\n\nSELECT 1;\n", _workspace.ReadFile("q.sql"));
    }

    [Fact]
    public async Task Edit_OverlappingOccurrences_AreAmbiguous()
    {
        _workspace.WriteFile("a.txt", "aaa");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("a.txt", "aa", "b"));

        Assert.Equal(WorkspaceErrorKind.Ambiguous, error.Kind);
    }

    [Fact]
    public async Task Edit_ReplaceAll_ReplacesEveryOccurrence()
    {
        _workspace.WriteFile("q.sql", "SELECT 1;\nSELECT 2;\nSELECT 1;\n\nSELECT 1;\n");

        var result = await Tool().EditAsync("q.sql", "SELECT 1;", "SELECT\n  1;", replaceAll: true);

        Assert.Equal(3, result.Replacements);
        Assert.Equal([1, 4, 7], result.Lines);
        Assert.Equal("SELECT\n  1;\nSELECT 2;\nSELECT\n  1;\n\nSELECT\n  1;\n", _workspace.ReadFile("q.sql"));
        Assert.Contains("replaced 3 occurrences at lines 1, 4, 7", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_KeepsCrlfLineEndings()
    {
        _workspace.WriteFile("win.sql", "a\r\nb\r\nc\r\n");

        await Tool().EditAsync("win.sql", "a\nb", "x\ny\nz");

        Assert.Equal("x\r\ny\r\nz\r\nc\r\n", _workspace.ReadFile("win.sql"));
    }

    [Fact]
    public async Task Edit_KeepsLfLineEndings_WhenGivenCrlf()
    {
        _workspace.WriteFile("unix.sql", "a\nb\nc\n");

        await Tool().EditAsync("unix.sql", "b\r\nc", "B\r\nC");

        Assert.Equal("a\nB\nC\n", _workspace.ReadFile("unix.sql"));
    }

    [Fact]
    public async Task Edit_KeepsTheByteOrderMark()
    {
        _workspace.WriteBytes("bom.ts", [0xEF, 0xBB, 0xBF, .. "const a = 1;\n"u8]);

        await Tool().EditAsync("bom.ts", "a = 1", "a = 2");

        Assert.Equal([0xEF, 0xBB, 0xBF, .. "const a = 2;\n"u8], _workspace.ReadBytes("bom.ts"));
    }

    [Fact]
    public async Task Edit_KeepsUtf16Encoding()
    {
        _workspace.WriteBytes("export.sql", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("SELECT 1;\r\n")]);

        await Tool().EditAsync("export.sql", "1", "2");

        Assert.Equal([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("SELECT 2;\r\n")], _workspace.ReadBytes("export.sql"));
    }

    [Fact]
    public async Task Edit_KeepsBytesThatAreNotUtf8()
    {
        byte[] latin1 = [.. "-- caf"u8, 0xE9, .. "\nSELECT 1;\n"u8];
        _workspace.WriteBytes("latin1.sql", latin1);

        await Tool().EditAsync("latin1.sql", "SELECT 1;", "SELECT 2;");

        Assert.Equal([.. "-- caf"u8, 0xE9, .. "\nSELECT 2;\n"u8], _workspace.ReadBytes("latin1.sql"));
    }

    [Fact]
    public async Task Edit_SameOldAndNew_IsRefused()
    {
        _workspace.WriteFile("a.txt", "x\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("a.txt", "x", "x"));

        Assert.Equal(WorkspaceErrorKind.NoChange, error.Kind);
        Assert.Contains("identical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_OnlyLineEndingsDiffer_IsNoChange()
    {
        _workspace.WriteFile("win.txt", "a\r\nb\r\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("win.txt", "a\nb", "a\r\nb"));

        Assert.Equal(WorkspaceErrorKind.NoChange, error.Kind);
    }

    [Fact]
    public async Task Edit_EmptyOldString_PointsToWrite()
    {
        _workspace.WriteFile("a.txt", "x\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("a.txt", "", "y"));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("Write", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_MissingFile_PointsToWriteAndSimilarNames()
    {
        _workspace.WriteFile("schema.ts", Schema);

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("schema.js", "a", "b"));

        Assert.Equal(WorkspaceErrorKind.NotFound, error.Kind);
        Assert.Contains("'schema.ts'", error.Message, StringComparison.Ordinal);
        Assert.Contains("use Write", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_BinaryFile_IsRefused()
    {
        _workspace.WriteBytes("x.bin", [65, 0, 66]);

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().EditAsync("x.bin", "A", "B"));

        Assert.Equal(WorkspaceErrorKind.Binary, error.Kind);
    }

    [Fact]
    public async Task Edit_KeepsTheUnixMode()
    {
        var path = _workspace.WriteFile("run.sh", "echo a\n");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        File.SetUnixFileMode(path, mode);

        await Tool().EditAsync("run.sh", "echo a", "echo b");

        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task PreviewEdit_ShowsTheDiffWithoutWriting()
    {
        _workspace.WriteFile("schema.ts", Schema);

        var preview = await Tool().PreviewEditAsync("schema.ts", "name: text(\"name\"),", "name: text(\"name\").notNull(),");

        Assert.Equal(
            """
            --- a/schema.ts
            +++ b/schema.ts
            @@ -2,5 +2,5 @@
             
             export const users = pgTable("users", {
               id: serial("id").primaryKey(),
            -  name: text("name"),
            +  name: text("name").notNull(),
             });

            """,
            preview.ToModelText());
        Assert.Equal(Schema, _workspace.ReadFile("schema.ts"));
        Assert.Equal((1, 1), (preview.Diff.AddedLines, preview.Diff.RemovedLines));
    }

    [Fact]
    public async Task PreviewEdit_AppliesBackToWhatEditWrites()
    {
        _workspace.WriteFile("q.sql", "SELECT 1;\nSELECT 2;\nSELECT 1;\n");

        var preview = await Tool().PreviewEditAsync("q.sql", "SELECT 1;", "SELECT 3;", replaceAll: true);
        await Tool().EditAsync("q.sql", "SELECT 1;", "SELECT 3;", replaceAll: true);

        Assert.Equal(_workspace.ReadFile("q.sql"), PatchApplier.Apply("SELECT 1;\nSELECT 2;\nSELECT 1;\n", preview.Diff.Text));
    }

    [Fact]
    public async Task PreviewEdit_FailsWhereEditWould()
    {
        _workspace.WriteFile("q.sql", "SELECT 1;\nSELECT 1;\n");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().PreviewEditAsync("q.sql", "SELECT 1;", "x"));

        Assert.Equal(WorkspaceErrorKind.Ambiguous, error.Kind);
    }

    [Fact]
    public async Task Edit_InGitInternals_IsRefused()
    {
        _workspace.WriteFile(".git/HEAD", "ref: refs/heads/main\n");

        await Assert.ThrowsAsync<WorkspaceAccessException>(() => Tool().EditAsync(".git/HEAD", "main", "evil"));
    }

    private EditTool Tool() => new(_workspace.Jail, WorkspaceToolOptions.Default);
}
