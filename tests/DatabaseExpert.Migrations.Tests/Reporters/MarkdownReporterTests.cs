using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Reporters;

public sealed class MarkdownReporterTests
{
    private static readonly ReporterOptions WithDocs = new() { DocsBaseUrl = new Uri("https://example.test/dbx/docs/") };

    [Fact]
    public void Render_SampleReport_MatchesGolden() =>
        Golden.Assert("sample.md", MarkdownReporter.Render(SampleReport.Create("Fix 0005 before merging: it blocks writes to orders."), WithDocs));

    [Fact]
    public void Render_StartsWithTheHiddenMarker() =>
        Assert.StartsWith("<!-- dbx-review -->\n", MarkdownReporter.Render(SampleReport.Create()), StringComparison.Ordinal);

    [Fact]
    public void Render_Header_CountsBySeverity()
    {
        var header = MarkdownReporter.Render(SampleReport.Create()).Split('\n')[1];

        Assert.Equal("## dbx review: 🔴 2 errors · 🟡 2 warnings · 🔵 2 info", header);
    }

    [Fact]
    public void Render_EachFinding_HasItsSqlAndSafeRewriteInSqlBlocks()
    {
        var markdown = MarkdownReporter.Render(SampleReport.Create());

        var finding = SampleReport.ForeignKey;
        Assert.Contains($"**Offending SQL**\n\n```sql\n{finding.Sql}\n```\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"**Safe rewrite**\n\n```sql\n{finding.SafeRewrite}\n```\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RuleLinks_UseTheDocsBaseUrl()
    {
        var markdown = MarkdownReporter.Render(SampleReport.Create(), WithDocs);

        Assert.Contains("[`adding-foreign-key-constraint`](https://example.test/dbx/docs/rules/adding-foreign-key-constraint.md)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutDocsBaseUrl_NamesRulesWithoutLinks()
    {
        var markdown = MarkdownReporter.Render(SampleReport.Create());

        Assert.Contains("· `adding-foreign-key-constraint` ·", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](http", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FileTable_HasOneRowPerFileAndATotal()
    {
        var markdown = MarkdownReporter.Render(SampleReport.Create());

        Assert.Contains("| `examples/shop/drizzle/0005_coupons.sql` | added | 1 | 1 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `examples/shop/queries/workload.sql` | modified | 0 | 0 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **total** | | **2** | **2** | **2** |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Text_IsEscaped()
    {
        var markdown = MarkdownReporter.Render(SampleReport.Create());

        Assert.Contains("a &lt;table&gt; | pipe", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<table>", markdown, StringComparison.Ordinal);
        // The step detail holds a pipe: in a table cell it must not split the row.
        Assert.Contains("connection refused \\| 127.0.0.1:5432", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SqlWithFences_GetsALongerFence()
    {
        var finding = new Finding("r", Severity.Warning, "f.sql", 1, 1, "m", "h") { Sql = "SELECT '```' AS fence" };

        var markdown = MarkdownReporter.Render(new ReviewReport("0.1.0", "p", [finding]));

        Assert.Contains("````sql\nSELECT '```' AS fence\n````\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongSql_IsFoldedInDetails()
    {
        var sql = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"INSERT INTO t VALUES ({i});"));
        var finding = new Finding("r", Severity.Warning, "f.sql", 1, 1, "m", "h") { Sql = sql };

        var markdown = MarkdownReporter.Render(new ReviewReport("0.1.0", "p", [finding]));

        Assert.Contains("<details><summary>Offending SQL (30 lines)</summary>\n\n```sql\nINSERT INTO t VALUES (1);", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyFindings_StaysUnderTheLimitAndListsTheRest()
    {
        var findings = Enumerable.Range(1, 500)
            .Select(i => new Finding("require-concurrent-index-creation", Severity.Error, $"m/{i:0000}.sql", 1, 1, new string('x', 200), new string('y', 200))
            {
                Sql = $"CREATE INDEX i{i} ON t (c{i})",
            })
            .ToList();

        var markdown = MarkdownReporter.Render(new ReviewReport("0.1.0", "p", findings) { Steps = SampleReport.Create().Steps });

        Assert.True(markdown.Length <= ReporterOptions.Default.MarkdownLimit, $"{markdown.Length} characters");
        Assert.Contains("more findings (the comment size limit was reached)", markdown, StringComparison.Ordinal);
        Assert.Contains("see the job log or the SARIF upload", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>What was analysed</summary>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExpertSummary_IsQuotedAboveTheTable()
    {
        var markdown = MarkdownReporter.Render(SampleReport.Create("Fix 0005 first."));

        Assert.True(markdown.IndexOf("> Fix 0005 first.", StringComparison.Ordinal) < markdown.IndexOf("| file |", StringComparison.Ordinal));
    }
}
