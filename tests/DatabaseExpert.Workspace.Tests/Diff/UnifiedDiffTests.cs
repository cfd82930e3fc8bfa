using System.Diagnostics;
using DatabaseExpert.Workspace.Diff;

namespace DatabaseExpert.Workspace.Tests.Diff;

public sealed class UnifiedDiffTests : IDisposable
{
    private static readonly string Twenty = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string, string> Cases => new()
    {
        { "add at start", "b\nc\n", "a\nb\nc\n" },
        { "add at end", "a\nb\n", "a\nb\nc\n" },
        { "delete all", "a\nb\nc\n", "" },
        { "create from empty", "", "a\nb\n" },
        { "change in the middle", Twenty, Twenty.Replace("line 10\n", "line ten\n", StringComparison.Ordinal) },
        { "two far hunks", Twenty, Twenty.Replace("line 2\n", "two\n", StringComparison.Ordinal).Replace("line 19\n", "", StringComparison.Ordinal) },
        { "two close hunks merge", Twenty, Twenty.Replace("line 5\n", "five\n", StringComparison.Ordinal).Replace("line 10\n", "ten\n", StringComparison.Ordinal) },
        { "no newline at end, old", "a\nb", "a\nb\n" },
        { "no newline at end, new", "a\nb\n", "a\nb" },
        { "no newline at end, both", "a\nb", "a\nc" },
        { "single line no newline", "x", "y" },
        { "crlf lines", "a\r\nb\r\n", "a\r\nB\r\n" },
        { "repeated lines", "x\nx\nx\ny\nx\n", "x\ny\nx\nx\nx\n" },
        { "replace everything", "a\nb\nc\n", "d\ne\n" },
        { "blank lines", "\n\n\n", "\n\nz\n\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diff_AppliesBackToTheNewText(string name, string oldText, string newText)
    {
        var diff = UnifiedDiff.Create(oldText, newText, "a/f", "b/f");

        Assert.False(diff.IsEmpty, name);
        Assert.Equal(newText, PatchApplier.Apply(oldText, diff.Text));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Diff_IsAcceptedByGnuPatch(string name, string oldText, string newText)
    {
        var file = Path.Combine(_workspace.Root, "f");
        await File.WriteAllTextAsync(file, oldText);
        var diff = UnifiedDiff.Create(oldText, newText, "a/f", "b/f");

        var (exitCode, output) = await RunAsync(_workspace.Root, diff.Text, "patch", "-p1", "--batch", "--silent");

        Assert.True(exitCode == 0, $"{name}: {output}");
        Assert.Equal(newText, await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData("b\nc\n", "a\nb\nc\n")]
    [InlineData("a\nb\nc\n", "")]
    [InlineData("", "a\nb\n")]
    [InlineData("a\nb", "a\nb\n")]
    [InlineData("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n", "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nK\nl\n")]
    [InlineData("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n", "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nN\n")]
    public async Task Diff_MatchesGnuDiffOnUnambiguousCases(string oldText, string newText)
    {
        var oldFile = Path.Combine(_workspace.Root, "old");
        var newFile = Path.Combine(_workspace.Root, "new");
        await File.WriteAllTextAsync(oldFile, oldText);
        await File.WriteAllTextAsync(newFile, newText);

        var (_, expected) = await RunAsync(_workspace.Root, "", "diff", "-u", "--label", "a/f", "--label", "b/f", oldFile, newFile);

        Assert.Equal(expected, UnifiedDiff.Create(oldText, newText, "a/f", "b/f").Text);
    }

    [Fact]
    public void Diff_IsMinimal_AndAppliesBack_OnRandomTexts()
    {
        var random = new Random(20240601);
        for (var round = 0; round < 300; round++)
        {
            var oldLines = RandomLines(random);
            var newLines = RandomLines(random);
            var oldText = string.Concat(oldLines.Select(l => l + "\n"));
            var newText = string.Concat(newLines.Select(l => l + "\n"));

            var diff = UnifiedDiff.Create(oldText, newText, "a/f", "b/f", contextLines: random.Next(0, 4));

            Assert.Equal(newText, PatchApplier.Apply(oldText, diff.Text));
            var common = LongestCommonSubsequence(oldLines, newLines);
            Assert.Equal(oldLines.Count - common, diff.RemovedLines);
            Assert.Equal(newLines.Count - common, diff.AddedLines);
        }
    }

    [Fact]
    public void Diff_OfEqualTexts_IsEmpty()
    {
        var diff = UnifiedDiff.Create(Twenty, Twenty, "a/f", "b/f");

        Assert.True(diff.IsEmpty);
        Assert.Equal((0, 0), (diff.AddedLines, diff.RemovedLines));
    }

    [Fact]
    public void Diff_ShowsAMissingFinalNewline()
    {
        var diff = UnifiedDiff.Create("a\n", "a", "a/f", "b/f");

        Assert.Equal("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n", diff.Text);
    }

    [Fact]
    public void Diff_ContextZero_ShowsOnlyChanges()
    {
        var diff = UnifiedDiff.Create(Twenty, Twenty.Replace("line 7\n", "seven\n", StringComparison.Ordinal), "a/f", "b/f", 0);

        Assert.Equal("--- a/f\n+++ b/f\n@@ -7 +7 @@\n-line 7\n+seven\n", diff.Text);
    }

    [Fact]
    public void Diff_LargeTexts_StayCorrect()
    {
        var random = new Random(7);
        var oldText = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{random.Next(1000)}\n"));
        var newText = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{random.Next(1000)}\n"));

        var diff = UnifiedDiff.Create(oldText, newText, "a/f", "b/f");

        Assert.Equal(newText, PatchApplier.Apply(oldText, diff.Text));
    }

    private static List<string> RandomLines(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 15)).Select(_ => ((char)('a' + random.Next(4))).ToString())];

    private static int LongestCommonSubsequence(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string input, string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(startInfo)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
