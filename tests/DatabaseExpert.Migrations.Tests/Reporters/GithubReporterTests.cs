using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Reporters;

public sealed class GithubReporterTests
{
    [Fact]
    public void Render_SampleReport_MatchesGolden() =>
        Golden.Assert("sample.github.txt", GithubReporter.Render(SampleReport.Create()));

    [Fact]
    public void Render_OneCommandPerFinding_BySeverity()
    {
        var lines = GithubReporter.Render(SampleReport.Create()).TrimEnd('\n').Split('\n');

        Assert.Equal(7, lines.Length);
        Assert.Equal(2, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)));
        Assert.StartsWith("::notice title=dbx review::dbx review examples/shop (Drizzle) against origin/main", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Location_IsFileLineEndLineColAndTitle()
    {
        var lines = GithubReporter.Render(SampleReport.Create()).Split('\n');

        var error = lines.Single(l => l.Contains("adding-foreign-key-constraint", StringComparison.Ordinal) && l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error file=examples/shop/drizzle/0005_coupons.sql,line=9,endLine=12,col=1,title=dbx adding-foreign-key-constraint::", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EscapesDataAndProperties()
    {
        var finding = new Finding("r", Severity.Warning, "dir,with:odd%name.sql", 2, 3, "100% done:\r\nnext, line", "");

        var line = GithubReporter.Render(new ReviewReport("0.1.0", "p", [finding])).Split('\n')[0];

        Assert.Equal("::warning file=dir%2Cwith%3Aodd%25name.sql,line=2,col=3,title=dbx r::100%25 done:%0D%0Anext, line", line);
    }

    [Fact]
    public void Render_EveryCommandIsOneLine_AndUnescapesToTheOriginalText()
    {
        var output = GithubReporter.Render(SampleReport.Create());

        var tricky = output.Split('\n').Single(l => l.Contains("title=dbx not-analysed", StringComparison.Ordinal) && l.Contains(",line=7,", StringComparison.Ordinal));
        var message = tricky[(tricky.IndexOf("::", 2, StringComparison.Ordinal) + 2)..];
        var unescaped = message.Replace("%0A", "\n", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
        Assert.StartsWith(SampleReport.Tricky.Message + "\n" + SampleReport.Tricky.Help, unescaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SkippedSteps_AreInTheSummaryNotice()
    {
        var last = GithubReporter.Render(SampleReport.Create()).TrimEnd('\n').Split('\n')[^1];

        Assert.Contains("%0Atrace skipped: no PostgreSQL server binaries", last, StringComparison.Ordinal);
        Assert.Contains("%0Aexplain failed: ", last, StringComparison.Ordinal);
    }
}
