using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Git;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Commands;

/// <summary>
/// <c>dbx review</c> with the real steps (static rules, a trace on an embedded PostgreSQL): the README's main job on
/// examples/shop, and a pull-request review of the last two migrations against their base branch.
/// </summary>
public sealed class ReviewRealStepsTests : IDisposable
{
    private readonly TempGitRepository _repo = TempGitRepository.Init();

    [Fact]
    public async Task The_bundled_example_gets_each_risky_migration_flagged_and_the_new_table_left_alone()
    {
        var result = await DbxRunner.RunAsync(["review", "examples/shop", "--format", "json"], new DbxRunOptions { WorkingDirectory = RepositoryPaths.Root });

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var findings = Findings(result.Stdout);
        var steps = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("steps");
        Assert.Contains(steps.EnumerateArray(), s => s.GetProperty("name").GetString() == "trace" && s.GetProperty("status").GetString() == "ran");

        // Predicted by a rule and measured on the shadow database, reported once with the measurement.
        Assert.Contains(findings, f => f.Is("0001_orders_status_index", "require-concurrent-index-creation", "error") && f.Evidence.Contains("confirmed by trace-index-not-concurrent"));
        Assert.Contains(findings, f => f.Is("0003_order_total_bigint", "changing-column-type", "error") && f.Evidence.Contains("confirmed by trace-table-rewrite"));
        Assert.DoesNotContain(findings, f => f.Rule is "trace-index-not-concurrent" or "trace-table-rewrite");

        // Found only because the seed put rows in the tables.
        Assert.Contains(findings, f => f.Is("0002_customer_phone", "trace-migration-failed", "error") && f.Message.Contains("contains null values"));
        Assert.Contains(findings, f => f.Is("0005_coupons", "trace-fk-without-index", "warning"));
        Assert.Contains(findings, f => f.Is("0005_coupons", "adding-foreign-key-constraint", "error"));
        Assert.Contains(findings, f => f.Is("0006_backfill_order_totals", "backfill-in-migration", "warning"));

        // 0004 creates a table with foreign keys and indexes: nothing about locks, concurrency or validation.
        Assert.DoesNotContain(findings, f => f.File.Contains("0004_reviews") && !f.Rule.StartsWith("prefer-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pull_request_review_reports_only_the_changed_migrations_with_real_rules()
    {
        ShopRepository.Write(_repo, "shop", migrations: 5);
        _repo.Commit("shop");
        _repo.Branch("coupons");
        ShopRepository.ShowUpTo(_repo, "shop", migrations: 7);
        _repo.Commit("coupons and backfill");

        var result = await DbxRunner.RunAsync(["review", "shop", "--base", "main", "--format", "json"], new DbxRunOptions { WorkingDirectory = _repo.Root });

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var findings = Findings(result.Stdout);
        Assert.All(findings, f => Assert.Matches("0005_coupons|0006_backfill_order_totals", f.File));
        Assert.Contains(findings, f => f.Is("0005_coupons", "adding-foreign-key-constraint", "error"));
        Assert.Contains(findings, f => f.Is("0005_coupons", "require-lock-timeout", "warning") && f.Evidence.Contains("confirmed by trace-lock-without-timeout"));
        Assert.Contains(findings, f => f.Is("0006_backfill_order_totals", "backfill-in-migration", "warning"));
    }

    [Fact]
    public async Task With_a_model_the_summary_is_written_from_the_findings_and_shown_above_them()
    {
        await using var model = await ScriptedOpenAIServer.StartAsync(CancellationToken.None);
        model.Enqueue(ModelStep.Text("Fix the blocking index build in 0001 first; the rest can wait."));
        var result = await DbxRunner.RunAsync(
            ["review", "examples/shop", "--summarize", "--no-trace", "--format", "markdown", "--fail-on", "never"],
            new DbxRunOptions { WorkingDirectory = RepositoryPaths.Root, Environment = TestEnvironment.ForOpenAI(model) });

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var summaryAt = result.Stdout.IndexOf("Fix the blocking index build in 0001 first", StringComparison.Ordinal);
        Assert.True(summaryAt >= 0, result.Stdout);
        Assert.True(summaryAt < result.Stdout.IndexOf("require-concurrent-index-creation", StringComparison.Ordinal), "the summary comes before the findings");

        // The model was given the findings, not asked to find them.
        var request = Assert.Single(model.Requests).Body;
        Assert.Contains("require-concurrent-index-creation", request, StringComparison.Ordinal);
        Assert.Contains("do not invent problems", request, StringComparison.Ordinal);
    }

    public void Dispose() => _repo.Dispose();

    private static List<ReportedFinding> Findings(string json) =>
    [
        .. JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Select(f => new ReportedFinding(
            f.GetProperty("rule").GetString()!,
            f.GetProperty("severity").GetString()!,
            f.GetProperty("file").GetString()!,
            f.GetProperty("message").GetString()!,
            f.TryGetProperty("evidence", out var evidence) ? evidence.GetString() ?? string.Empty : string.Empty)),
    ];

    private sealed record ReportedFinding(string Rule, string Severity, string File, string Message, string Evidence)
    {
        public bool Is(string file, string rule, string severity) => File.Contains(file, StringComparison.Ordinal) && Rule == rule && Severity == severity;
    }
}
