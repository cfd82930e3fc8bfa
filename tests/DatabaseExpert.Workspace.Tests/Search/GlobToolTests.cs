using DatabaseExpert.Workspace.Jail;
using DatabaseExpert.Workspace.Search;

namespace DatabaseExpert.Workspace.Tests.Search;

public sealed class GlobToolTests : IDisposable
{
    private static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Glob_DoubleStar_FindsFilesAtEveryDepth()
    {
        Files("a.ts", "src/b.ts", "src/db/c.ts", "src/db/d.sql");

        var result = await Tool().GlobAsync("**/*.ts");

        Assert.Equal(["a.ts", "src/b.ts", "src/db/c.ts"], result.Files.Order(StringComparer.Ordinal));
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task Glob_SingleStar_StaysInOneDirectory()
    {
        Files("a.ts", "src/b.ts");

        var result = await Tool().GlobAsync("*.ts");

        Assert.Equal(["a.ts"], result.Files);
    }

    [Fact]
    public async Task Glob_BracesAndQuestionMark()
    {
        Files("drizzle/0001_a.sql", "drizzle/0002_b.sql", "drizzle/meta/_journal.json", "drizzle/x.txt");

        var result = await Tool().GlobAsync("drizzle/{000?_*.sql,meta/*.json}");

        Assert.Equal(["drizzle/0001_a.sql", "drizzle/0002_b.sql", "drizzle/meta/_journal.json"], result.Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Glob_SortsByModificationTime_NewestFirst()
    {
        Files("old.sql", "newest.sql", "middle.sql");
        Touch("old.sql", 1);
        Touch("middle.sql", 2);
        Touch("newest.sql", 3);

        var result = await Tool().GlobAsync("*.sql");

        Assert.Equal(["newest.sql", "middle.sql", "old.sql"], result.Files);
    }

    [Fact]
    public async Task Glob_CapsResults_KeepingTheNewest()
    {
        var names = Enumerable.Range(1, 5).Select(i => $"m{i}.sql").ToArray();
        Files(names);
        for (var i = 0; i < names.Length; i++)
        {
            Touch(names[i], i);
        }

        var result = await Tool(new WorkspaceToolOptions { GlobMaxResults = 3 }).GlobAsync("*.sql");

        Assert.Equal(["m5.sql", "m4.sql", "m3.sql"], result.Files);
        Assert.True(result.Truncated);
        Assert.Equal(5, result.TotalMatches);
        Assert.Contains("Showing the 3 most recently modified of 5", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Glob_SkipsNoiseDirectories_UnlessNamed()
    {
        Files("src/a.js", "node_modules/pkg/index.js", ".git/hooks/x.js", "bin/Debug/x.js", "obj/x.js", ".dbx/sessions/x.js",
            "packages/web/node_modules/y.js");

        var all = await Tool().GlobAsync("**/*.js");
        var named = await Tool().GlobAsync("node_modules/**/*.js");
        var braced = await Tool().GlobAsync("{bin,obj}/**/*.js");

        Assert.Equal(["src/a.js"], all.Files);
        Assert.Equal(["node_modules/pkg/index.js"], named.Files);
        Assert.Equal(["bin/Debug/x.js", "obj/x.js"], braced.Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Glob_InASubPath_MatchesFromThereAndReportsFromTheRoot()
    {
        Files("a.ts", "src/b.ts", "src/db/c.ts");

        var result = await Tool().GlobAsync("*.ts", "src");

        Assert.Equal(["src/b.ts"], result.Files);
        Assert.Equal("src", result.SearchPath);
    }

    [Fact]
    public async Task Glob_AcceptsDotSlashAndAbsolutePatternsInside()
    {
        Files("src/b.ts");

        var dotted = await Tool().GlobAsync("./src/*.ts");
        var absolute = await Tool().GlobAsync(_workspace.Jail.Root + "/src/*.ts");

        Assert.Equal(["src/b.ts"], dotted.Files);
        Assert.Equal(["src/b.ts"], absolute.Files);
    }

    [Fact]
    public async Task Glob_AbsolutePatternElsewhere_IsRefused()
    {
        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().GlobAsync("/etc/*.conf"));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task Glob_HidesLinksLeadingOutside_AndDoesNotFollowDirectoryLinks()
    {
        Files("src/a.ts");
        File.WriteAllText(Path.Combine(_workspace.Outside, "secret.ts"), "");
        File.CreateSymbolicLink(_workspace.PathOf("secret.ts"), Path.Combine(_workspace.Outside, "secret.ts"));
        File.CreateSymbolicLink(_workspace.PathOf("alias.ts"), "src/a.ts");
        Directory.CreateSymbolicLink(_workspace.PathOf("outside-dir"), _workspace.Outside);
        Directory.CreateSymbolicLink(_workspace.PathOf("src/loop"), "..");

        var result = await Tool().GlobAsync("**/*.ts");

        Assert.Equal(["alias.ts", "src/a.ts"], result.Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Glob_NoMatch_SaysSo()
    {
        var result = await Tool().GlobAsync("**/*.prisma");

        Assert.Empty(result.Files);
        Assert.Equal("No files match '**/*.prisma' in '.'.", result.ToModelText());
    }

    [Fact]
    public async Task Glob_PathThatIsAFile_IsAClearError()
    {
        Files("a.ts");

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().GlobAsync("*", "a.ts"));

        Assert.Equal(WorkspaceErrorKind.NotADirectory, error.Kind);
    }

    [Fact]
    public async Task Glob_PathOutside_IsRefused()
    {
        await Assert.ThrowsAsync<WorkspaceAccessException>(() => Tool().GlobAsync("*", ".."));
    }

    [Fact]
    public async Task Glob_MissingPath_IsAClearError()
    {
        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().GlobAsync("*", "nope"));

        Assert.Equal(WorkspaceErrorKind.NotFound, error.Kind);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    private GlobTool Tool(WorkspaceToolOptions? options = null) => new(_workspace.Jail, options ?? WorkspaceToolOptions.Default);

    private void Files(params string[] paths)
    {
        foreach (var path in paths)
        {
            _workspace.WriteFile(path, "");
        }
    }

    private void Touch(string path, int hours) => File.SetLastWriteTimeUtc(_workspace.PathOf(path), Epoch.AddHours(hours));
}
