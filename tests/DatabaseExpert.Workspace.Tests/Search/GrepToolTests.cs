using System.Text.RegularExpressions;
using DatabaseExpert.Workspace.Search;

namespace DatabaseExpert.Workspace.Tests.Search;

public sealed class GrepToolTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public GrepToolTests()
    {
        _workspace.WriteFile("drizzle/0001_init.sql", "CREATE TABLE users (id int);\nCREATE INDEX users_id ON users (id);\n");
        _workspace.WriteFile("drizzle/0002_posts.sql", "CREATE TABLE posts (id int);\n-- no index here\n");
        _workspace.WriteFile("src/schema.ts", "export const users = pgTable('users', {});\nexport const posts = pgTable('posts', {});\n");
        File.SetLastWriteTimeUtc(_workspace.PathOf("drizzle/0001_init.sql"), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(_workspace.PathOf("drizzle/0002_posts.sql"), new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(_workspace.PathOf("src/schema.ts"), new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Files_ListsMatchingFiles_NewestFirst()
    {
        var result = await Tool().GrepAsync(new GrepRequest("posts|users"));

        Assert.Equal(["src/schema.ts", "drizzle/0002_posts.sql", "drizzle/0001_init.sql"], result.Files);
        Assert.Equal(3, result.FilesSearched);
    }

    [Fact]
    public async Task Content_GivesPathLineAndText()
    {
        var result = await Tool().GrepAsync(new GrepRequest("CREATE INDEX") { OutputMode = GrepOutputMode.Content });

        Assert.Equal("drizzle/0001_init.sql:2:CREATE INDEX users_id ON users (id);\n", result.ToModelText());
    }

    [Fact]
    public async Task Content_WithContext_MarksContextLinesAndSeparatesGroups()
    {
        _workspace.WriteFile("long.sql", string.Concat(Enumerable.Range(1, 20).Select(i => i is 5 or 6 or 15 ? $"hit {i}\n" : $"x {i}\n")));

        var result = await Tool().GrepAsync(new GrepRequest("^hit") { OutputMode = GrepOutputMode.Content, ContextLines = 1, Path = "long.sql" });

        Assert.Equal(
            "long.sql-4-x 4\nlong.sql:5:hit 5\nlong.sql:6:hit 6\nlong.sql-7-x 7\n--\nlong.sql-14-x 14\nlong.sql:15:hit 15\nlong.sql-16-x 16\n",
            result.ToModelText());
    }

    [Fact]
    public async Task Count_GivesMatchingLinesPerFile()
    {
        var result = await Tool().GrepAsync(new GrepRequest("CREATE") { OutputMode = GrepOutputMode.Count });

        Assert.Equal([new GrepFileCount("drizzle/0001_init.sql", 2), new GrepFileCount("drizzle/0002_posts.sql", 1)], result.Counts);
        Assert.Equal(3, result.TotalMatches);
        Assert.Contains("3 matching lines in 2 files", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseInsensitive_MatchesAnyCase()
    {
        var sensitive = await Tool().GrepAsync(new GrepRequest("create index"));
        var insensitive = await Tool().GrepAsync(new GrepRequest("create index") { CaseInsensitive = true });

        Assert.Empty(sensitive.Files);
        Assert.Equal(["drizzle/0001_init.sql"], insensitive.Files);
    }

    [Theory]
    [InlineData("*.sql", null, new[] { "drizzle/0001_init.sql", "drizzle/0002_posts.sql" })]
    [InlineData("*.ts", null, new[] { "src/schema.ts" })]
    [InlineData("drizzle/0002*", null, new[] { "drizzle/0002_posts.sql" })]
    [InlineData(null, "src", new[] { "src/schema.ts" })]
    [InlineData(null, "drizzle/0001_init.sql", new[] { "drizzle/0001_init.sql" })]
    public async Task GlobAndPath_NarrowTheSearch(string? glob, string? path, string[] expected)
    {
        var result = await Tool().GrepAsync(new GrepRequest("id|posts") { Glob = glob, Path = path });

        Assert.Equal(expected, result.Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SkipsBinaryFilesAndNoiseDirectories()
    {
        _workspace.WriteBytes("data.bin", [.. "CREATE TABLE"u8, 0, 1, 2]);
        _workspace.WriteFile("node_modules/pkg/x.sql", "CREATE TABLE x;\n");
        _workspace.WriteFile(".git/x.sql", "CREATE TABLE x;\n");

        var result = await Tool().GrepAsync(new GrepRequest("CREATE TABLE"));
        var named = await Tool().GrepAsync(new GrepRequest("CREATE TABLE") { Glob = "node_modules/**" });

        Assert.Equal(["drizzle/0002_posts.sql", "drizzle/0001_init.sql"], result.Files);
        Assert.Equal(["node_modules/pkg/x.sql"], named.Files);
    }

    [Fact]
    public async Task Content_IsCapped_WithATruncatedFlag()
    {
        _workspace.WriteFile("many.txt", string.Concat(Enumerable.Range(1, 50).Select(i => $"match {i}\n")));

        var result = await Tool().GrepAsync(new GrepRequest("^match") { OutputMode = GrepOutputMode.Content, MaxResults = 10 });

        Assert.Equal(10, result.Lines.Count);
        Assert.Equal(Enumerable.Range(1, 10), result.Lines.Select(l => l.LineNumber));
        Assert.True(result.Truncated);
        Assert.Contains("Results capped at 10", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_ExactlyAtTheCap_IsNotTruncated()
    {
        var result = await Tool().GrepAsync(new GrepRequest("CREATE INDEX") { OutputMode = GrepOutputMode.Content, MaxResults = 1 });

        Assert.Single(result.Lines);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task Files_AreCapped_WithATruncatedFlag()
    {
        var result = await Tool().GrepAsync(new GrepRequest("CREATE") { MaxResults = 1 });

        Assert.Equal(["drizzle/0002_posts.sql"], result.Files);
        Assert.True(result.Truncated);
    }

    [Theory]
    [InlineData("(unclosed")]
    [InlineData("[a-")]
    [InlineData("*starts with star")]
    public async Task InvalidRegex_GivesTheRegexError(string pattern)
    {
        var expected = Assert.ThrowsAny<ArgumentException>(() => new Regex(pattern)).Message;

        var error = await Assert.ThrowsAsync<WorkspaceToolException>(() => Tool().GrepAsync(new GrepRequest(pattern)));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
        Assert.Contains($"Invalid regular expression '{pattern}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatastrophicRegex_TimesOutWithAWarning()
    {
        _workspace.WriteFile("evil.txt", new string('a', 40) + "!\n");
        var tool = new GrepTool(_workspace.Jail, new WorkspaceToolOptions { GrepMatchTimeout = TimeSpan.FromMilliseconds(50) });

        var result = await tool.GrepAsync(new GrepRequest("^(a+)+$") { Path = "evil.txt" });

        Assert.Empty(result.Files);
        Assert.Contains(result.Warnings, w => w.Contains("'evil.txt'", StringComparison.Ordinal) && w.Contains("too long", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LargeFiles_AreSkippedWithAWarning()
    {
        _workspace.WriteFile("huge.log", string.Concat(Enumerable.Repeat("CREATE TABLE noise;\n", 100)));
        var tool = new GrepTool(_workspace.Jail, new WorkspaceToolOptions { GrepMaxFileBytes = 1000 });

        var result = await tool.GrepAsync(new GrepRequest("CREATE TABLE"));

        Assert.DoesNotContain("huge.log", result.Files);
        Assert.Contains(result.Warnings, w => w.Contains("'huge.log'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoMatch_SaysWhereItLooked()
    {
        var result = await Tool().GrepAsync(new GrepRequest("DROP TABLE"));

        Assert.StartsWith("No matches for /DROP TABLE/ in '.' (3 files searched).", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksLeadingOutside_AreNotRead()
    {
        File.WriteAllText(Path.Combine(_workspace.Outside, "secret.sql"), "CREATE TABLE secret;\n");
        File.CreateSymbolicLink(_workspace.PathOf("secret.sql"), Path.Combine(_workspace.Outside, "secret.sql"));

        var result = await Tool().GrepAsync(new GrepRequest("secret"));

        Assert.Empty(result.Files);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(51, null)]
    [InlineData(0, 0)]
    public async Task InvalidOptions_AreRefused(int context, int? maxResults)
    {
        var error = await Assert.ThrowsAsync<WorkspaceToolException>(
            () => Tool().GrepAsync(new GrepRequest("x") { ContextLines = context, MaxResults = maxResults }));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
    }

    private GrepTool Tool() => new(_workspace.Jail, WorkspaceToolOptions.Default);
}
