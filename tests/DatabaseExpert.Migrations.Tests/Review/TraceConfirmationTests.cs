using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Review.Internal;

namespace DatabaseExpert.Migrations.Tests.Review;

public sealed class TraceConfirmationTests
{
    private static Finding Lint(string rule, int line, Severity severity = Severity.Warning) =>
        new(rule, severity, "m/0001.sql", line, 5, $"{rule} message", "recipe") { Origin = FindingOrigin.Lint };

    private static Finding Trace(string rule, int line, Severity severity = Severity.Warning, string file = "m/0001.sql") =>
        new(rule, severity, file, line, 1, $"{rule} message", "help") { Origin = FindingOrigin.Trace, Evidence = "ShareLock on orders" };

    [Fact]
    public void A_measurement_of_what_a_rule_predicted_at_the_same_statement_becomes_that_rules_evidence()
    {
        var merged = TraceConfirmation.Merge([Lint("require-concurrent-index-creation", 3, Severity.Error), Trace("trace-index-not-concurrent", 3)]);

        var only = Assert.Single(merged);
        Assert.Equal(("require-concurrent-index-creation", Severity.Error), (only.Rule, only.Severity));
        Assert.Equal("confirmed by trace-index-not-concurrent: ShareLock on orders", only.Evidence);
    }

    [Fact]
    public void The_more_severe_of_the_two_wins()
    {
        var merged = TraceConfirmation.Merge([Lint("changing-column-type", 1, Severity.Warning), Trace("trace-table-rewrite", 1, Severity.Error)]);

        Assert.Equal(Severity.Error, Assert.Single(merged).Severity);
    }

    [Theory]
    [InlineData("trace-index-not-concurrent", 4, "m/0001.sql")]
    [InlineData("trace-index-not-concurrent", 3, "m/0002.sql")]
    [InlineData("trace-fk-without-index", 3, "m/0001.sql")]
    public void Other_statements_files_or_unrelated_measurements_stay_separate(string traceRule, int line, string file)
    {
        var merged = TraceConfirmation.Merge([Lint("require-concurrent-index-creation", 3), Trace(traceRule, line, file: file)]);

        Assert.Equal(2, merged.Count);
        Assert.Null(merged[0].Evidence);
    }
}
