using DatabaseExpert.Workspace.Search.Internal;

namespace DatabaseExpert.Workspace.Tests.Search.Internal;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*.ts", "a.ts", true)]
    [InlineData("*.ts", "src/a.ts", false)]
    [InlineData("**/*.ts", "a.ts", true)]
    [InlineData("**/*.ts", "src/db/a.ts", true)]
    [InlineData("src/**/*.ts", "src/a.ts", true)]
    [InlineData("src/**/*.ts", "src/x/y/a.ts", true)]
    [InlineData("src/**/*.ts", "lib/a.ts", false)]
    [InlineData("src/**", "src/x/y/a.ts", true)]
    [InlineData("**", "any/thing", true)]
    [InlineData("a?c.sql", "abc.sql", true)]
    [InlineData("a?c.sql", "a/c.sql", false)]
    [InlineData("*.{ts,tsx}", "x.tsx", true)]
    [InlineData("*.{ts,tsx}", "x.js", false)]
    [InlineData("{src,lib}/**/*.sql", "lib/m/1.sql", true)]
    [InlineData("{src/**/*.ts,*.md}", "README.md", true)]
    [InlineData("{src/**/*.ts,*.md}", "src/a/b.ts", true)]
    [InlineData("x{a,{b,c}}", "xc", true)]
    [InlineData("[0-9][0-9][0-9][0-9]_*.sql", "0001_init.sql", true)]
    [InlineData("[!0-9]*.sql", "0001_init.sql", false)]
    [InlineData("[!0-9]*.sql", "init.sql", true)]
    [InlineData("a[/]b", "a[/]b", true)]
    [InlineData("file(1).txt", "file(1).txt", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData(@"\*.txt", "*.txt", true)]
    [InlineData(@"\*.txt", "a.txt", false)]
    [InlineData("a**b", "axxb", true)]
    [InlineData("a**b", "ax/b", false)]
    public void IsMatch(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("node_modules/**/*.js", "node_modules", true)]
    [InlineData("**/{bin,obj}/*.dll", "bin", true)]
    [InlineData("**/*.js", "node_modules", false)]
    [InlineData("my_node_modules/*", "node_modules", false)]
    public void Names(string pattern, string directory, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Parse(pattern).Names(directory));
    }

    [Theory]
    [InlineData("*.{ts,tsx")]
    [InlineData("src/}")]
    public void Parse_UnbalancedBraces_IsAClearError(string pattern)
    {
        var error = Assert.Throws<WorkspaceToolException>(() => GlobPattern.Parse(pattern));

        Assert.Equal(WorkspaceErrorKind.InvalidArgument, error.Kind);
        Assert.Contains($"'{pattern}'", error.Message, StringComparison.Ordinal);
    }
}
