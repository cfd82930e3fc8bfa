using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Reporters;

public sealed class TextReporterTests
{
    [Fact]
    public void Render_SampleReport_MatchesGolden() =>
        Golden.Assert("sample.txt", TextReporter.Render(SampleReport.Create()));

    [Fact]
    public void Render_WithColor_MatchesGolden() =>
        Golden.Assert("sample-color.txt", TextReporter.Render(SampleReport.Create(), new ReporterOptions { Color = true }));

    [Fact]
    public void Render_WithoutColor_WritesNoEscapeSequences() =>
        Assert.DoesNotContain('\u001b', TextReporter.Render(SampleReport.Create()));

    [Fact]
    public void Render_Finding_ShowsLocationSeverityRuleAndMessageOnOneLine()
    {
        var text = TextReporter.Render(SampleReport.Create());

        var finding = SampleReport.ForeignKey;
        Assert.Contains($"  {finding.File}:9:1  error  {finding.Rule}  {finding.Message}\n", text, StringComparison.Ordinal);
        Assert.Contains($"      help: {finding.Help}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Excerpt_NumbersTheStatementFromItsEndLineAndMarksTheFindingLine()
    {
        // The statement has 4 lines and ends on line 12, so it starts on line 9, where the finding is.
        var text = TextReporter.Render(SampleReport.Create());

        Assert.Contains("    >  9 | ALTER TABLE \"orders\"\n", text, StringComparison.Ordinal);
        Assert.Contains("      10 |   ADD CONSTRAINT \"orders_coupon_id_coupons_id_fk\"\n", text, StringComparison.Ordinal);
        Assert.Contains("      12 |   ON DELETE no action ON UPDATE no action\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FindingInsideAStatement_MarksItsOwnLine()
    {
        var finding = SampleReport.Tricky with { Line = 8 };
        var report = new ReviewReport("0.1.0", "p", [finding]);

        var text = TextReporter.Render(report);

        Assert.Contains("    > 8 |   PERFORM 1;\n", text, StringComparison.Ordinal);
        Assert.Contains("      7 | DO $$ BEGIN\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongStatement_ShowsAWindowAroundTheMarkedLine()
    {
        var sql = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"  column_{i} int,"));
        var finding = new Finding("r", Severity.Warning, "f.sql", 30, 1, "m", "h") { Sql = sql, EndLine = 40 };

        var text = TextReporter.Render(new ReviewReport("0.1.0", "p", [finding]), new ReporterOptions { ExcerptLines = 6 });

        Assert.Contains("    > 30 |   column_30 int,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("column_20 int", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split('\n').Count(l => l.Contains(" |   column_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_SummaryTable_CountsEachFileAndTheTotal()
    {
        var text = TextReporter.Render(SampleReport.Create());

        var summary = text[text.IndexOf("\nSummary\n", StringComparison.Ordinal)..];
        var coupons = summary.Split('\n').Single(l => l.Contains("0005_coupons.sql", StringComparison.Ordinal));
        Assert.Equal(["examples/shop/drizzle/0005_coupons.sql", "added", "1", "1", "0"], coupons.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var total = summary.Split('\n').Single(l => l.TrimStart().StartsWith("total", StringComparison.Ordinal));
        Assert.Equal(["total", "2", "2", "2"], total.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Render_ExpertSummary_AppearsAboveTheFindings()
    {
        var text = TextReporter.Render(SampleReport.Create("Two migrations lock orders; fix 0005 first."));

        var summary = text.IndexOf("Two migrations lock orders", StringComparison.Ordinal);
        Assert.True(summary > 0 && summary < text.IndexOf(SampleReport.ForeignKey.Message, StringComparison.Ordinal));
        Assert.Contains(SampleReport.ForeignKey.Message, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoFindings_SaysSo()
    {
        var text = TextReporter.Render(new ReviewReport("0.1.0", "p", []));

        Assert.EndsWith("no findings · dbx 0.1.0 · 0 ms\n", text, StringComparison.Ordinal);
    }
}
