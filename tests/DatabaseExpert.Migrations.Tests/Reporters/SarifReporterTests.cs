using System.Text.Json;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;
using DatabaseExpert.Testing.Sarif;

namespace DatabaseExpert.Migrations.Tests.Reporters;

[Collection(SarifToolsCollection.Name)]
public sealed class SarifReporterTests(SarifTools tools)
{
    private static readonly ReporterOptions WithDocs = new() { DocsBaseUrl = new Uri("https://example.test/dbx/docs/") };

    [Fact]
    public void Render_SampleReport_MatchesGolden() =>
        Golden.Assert("sample.sarif", SarifReporter.Render(SampleReport.Create("Fix 0005 first."), WithDocs));

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Render_IsValidAgainstTheSarif210Schema(bool withDocs, bool withSourceRoot)
    {
        var options = new ReporterOptions { DocsBaseUrl = withDocs ? WithDocs.DocsBaseUrl : null, SourceRoot = withSourceRoot ? "/work/my repo" : null };

        var errors = tools.SchemaErrors(SarifReporter.Render(SampleReport.Create("summary"), options));

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Render_NoFindings_IsValid()
    {
        var errors = tools.SchemaErrors(SarifReporter.Render(new ReviewReport("0.1.0", "p", [])));

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void SchemaCheck_RejectsABrokenLog()
    {
        // Guards the guard: a schema that accepted everything would make the tests above meaningless.
        var broken = SarifReporter.Render(SampleReport.Create()).Replace("\"level\": \"warning\"", "\"level\": \"severe\"", StringComparison.Ordinal);

        Assert.NotEmpty(tools.SchemaErrors(broken));
    }

    [Fact]
    public void Render_PassesMicrosoftsSarifValidatorWithoutErrors()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dbx-sarif-").FullName, "review.sarif");
        File.WriteAllText(path, SarifReporter.Render(SampleReport.Create(), WithDocs with { SourceRoot = "/work/repo" }));

        var results = tools.Validate(path);

        var errors = results.Where(r => r.Level == "error").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        // Warnings we accept knowingly: SARIF2017 wants end columns, which findings do not have.
        var warnings = results.Where(r => r.Level == "warning" && r.Rule != "SARIF2017").ToList();
        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
    }

    [Fact]
    public void Render_Results_PointAtTheFileAndLineRelativeToSrcRoot()
    {
        using var sarif = JsonDocument.Parse(SarifReporter.Render(SampleReport.Create()));

        var result = Results(sarif).Single(r => r.GetProperty("ruleId").GetString() == "adding-foreign-key-constraint");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("examples/shop/drizzle/0005_coupons.sql", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(9, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(12, location.GetProperty("region").GetProperty("endLine").GetInt32());
        Assert.Equal("error", result.GetProperty("level").GetString());
    }

    [Fact]
    public void Render_Levels_MapInfoToNote()
    {
        using var sarif = JsonDocument.Parse(SarifReporter.Render(SampleReport.Create()));

        var levels = Results(sarif).Select(r => r.GetProperty("level").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["error", "error", "note", "note", "warning", "warning"], levels);
    }

    [Fact]
    public void Render_Rules_ListEveryReferencedRuleOnceWithMetadataFromItsPage()
    {
        using var sarif = JsonDocument.Parse(SarifReporter.Render(SampleReport.Create(), WithDocs));

        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var referenced = Results(sarif).Select(r => r.GetProperty("ruleId").GetString()).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(referenced, rules.Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        foreach (var result in Results(sarif))
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        }

        var edited = rules.Single(r => r.GetProperty("id").GetString() == "edited-applied-migration");
        var page = RuleDocs.Find("edited-applied-migration")!;
        Assert.Equal("EditedAppliedMigration", edited.GetProperty("name").GetString());
        Assert.Equal(page.Summary, edited.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(page.Description, edited.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal(page.Markdown, edited.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal("https://example.test/dbx/docs/rules/edited-applied-migration.md", edited.GetProperty("helpUri").GetString());
        // The page's default (error) wins over the severity of the one finding seen (info).
        Assert.Equal("error", edited.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void Render_RuleWithoutPage_FallsBackToTheFindingsSeverity()
    {
        var finding = new Finding("rule-without-a-page", Severity.Warning, "f.sql", 1, 1, "m", "h");

        using var sarif = JsonDocument.Parse(SarifReporter.Render(new ReviewReport("0.1.0", "p", [finding])));

        var rule = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal("warning", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.False(rule.TryGetProperty("help", out _));
    }

    [Fact]
    public void Render_Fingerprints_SurviveLinesMovingAndLayoutChanges()
    {
        var before = SampleReport.ForeignKey;
        var after = before with { Line = 20, EndLine = 23, Sql = before.Sql!.Replace("\n  ", " ", StringComparison.Ordinal).ToLowerInvariant() + " -- reviewed" };

        Assert.Equal(Fingerprint(before), Fingerprint(after));
        Assert.NotEqual(Fingerprint(before), Fingerprint(before with { Rule = "other-rule" }));
        Assert.NotEqual(Fingerprint(before), Fingerprint(before with { File = "examples/shop/drizzle/0007.sql" }));
    }

    [Fact]
    public void Render_EqualStatementsInOneFile_GetDistinctFingerprints()
    {
        var first = new Finding("r", Severity.Warning, "f.sql", 1, 1, "m", "h") { Sql = "VACUUM FULL t" };
        var second = first with { Line = 5 };

        using var sarif = JsonDocument.Parse(SarifReporter.Render(new ReviewReport("0.1.0", "p", [first, second])));

        var prints = Results(sarif).Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString()).ToList();
        Assert.Equal(2, prints.Distinct().Count());
    }

    [Fact]
    public void Render_PathsWithSpaces_AreEncodedAsUriReferences()
    {
        var finding = new Finding("r", Severity.Warning, "db migrations/001 init#1.sql", 1, 1, "m", "h");

        using var sarif = JsonDocument.Parse(SarifReporter.Render(new ReviewReport("0.1.0", "p", [finding]), new ReporterOptions { SourceRoot = "/work/my repo" }));

        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("db%20migrations/001%20init%231.sql", Results(sarif)[0].GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("file:///work/my%20repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
    }

    [Fact]
    public void Render_SkippedAndFailedSteps_AreToolNotifications()
    {
        using var sarif = JsonDocument.Parse(SarifReporter.Render(SampleReport.Create()));

        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var texts = invocation.GetProperty("toolExecutionNotifications").EnumerateArray()
            .Select(n => n.GetProperty("message").GetProperty("text").GetString()!).ToList();
        Assert.Contains(texts, t => t.StartsWith("trace skipped: no PostgreSQL server binaries", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("explain failed: ", StringComparison.Ordinal));
    }

    private static string Fingerprint(Finding finding)
    {
        using var sarif = JsonDocument.Parse(SarifReporter.Render(new ReviewReport("0.1.0", "p", [finding])));
        return Results(sarif)[0].GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString()!;
    }

    private static List<JsonElement> Results(JsonDocument sarif) =>
        [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
}
