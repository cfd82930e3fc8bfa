using System.Text.Json;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Reporters;

public sealed class JsonReporterTests
{
    [Fact]
    public void Render_SampleReport_MatchesGolden() =>
        Golden.Assert("sample.json", JsonReporter.Render(SampleReport.Create(), new ReporterOptions { DocsBaseUrl = new Uri("https://example.test/dbx/docs/") }));

    [Fact]
    public void Render_EveryFinding_HasTheContractFields()
    {
        using var json = JsonDocument.Parse(JsonReporter.Render(SampleReport.Create()));

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(SampleReport.Create().Findings.Count, findings.Count);
        foreach (var finding in findings)
        {
            foreach (var field in (string[])["rule", "severity", "file", "line", "column", "message", "help"])
            {
                Assert.True(finding.TryGetProperty(field, out _), $"{field} missing in {finding}");
            }

            Assert.Contains(finding.GetProperty("severity").GetString(), (string[])["error", "warning", "info"]);
        }
    }

    [Fact]
    public void Render_Summary_CountsBySeverity()
    {
        using var json = JsonDocument.Parse(JsonReporter.Render(SampleReport.Create()));

        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("errors").GetInt32());
        Assert.Equal(2, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(2, summary.GetProperty("infos").GetInt32());
        Assert.Equal("diff", summary.GetProperty("mode").GetString());
        Assert.Equal("origin/main", summary.GetProperty("base").GetString());
    }

    [Fact]
    public void Render_OptionalFields_OnlyWhenSet()
    {
        var bare = new Finding("r", Severity.Info, "f.sql", 1, 1, "m", "h");
        using var json = JsonDocument.Parse(JsonReporter.Render(new ReviewReport("0.1.0", "p", [bare])));

        var finding = json.RootElement.GetProperty("findings")[0];
        Assert.False(finding.TryGetProperty("sql", out _));
        Assert.False(finding.TryGetProperty("safeRewrite", out _));
        Assert.False(finding.TryGetProperty("docs", out _));
        Assert.Equal("lint", finding.GetProperty("origin").GetString());
        Assert.False(json.RootElement.TryGetProperty("expertSummary", out _));
    }

    [Fact]
    public void Render_ExpertSummary_IsItsOwnField()
    {
        using var json = JsonDocument.Parse(JsonReporter.Render(SampleReport.Create("Fix 0005 first.")));

        Assert.Equal("Fix 0005 first.", json.RootElement.GetProperty("expertSummary").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("findings").GetArrayLength());
    }
}
