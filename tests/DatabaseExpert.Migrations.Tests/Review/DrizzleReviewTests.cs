using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Review.Steps;
using DatabaseExpert.Migrations.Tests.Review.Infrastructure;
using DatabaseExpert.Testing.Git;

namespace DatabaseExpert.Migrations.Tests.Review;

/// <summary>
/// The review of examples/shop in a temp git repository: main holds the first five migrations, the branch adds 0005 and
/// 0006 the way drizzle-kit generate does (SQL, snapshot, journal entry).
/// </summary>
public sealed class DrizzleReviewTests : IDisposable
{
    private readonly TempGitRepository _repo = TempGitRepository.Init();
    private readonly RecordingStep _lint = new("fake-lint");
    private readonly RecordingStep _trace = new("fake-trace");

    public DrizzleReviewTests()
    {
        ShopRepository.Write(_repo, "shop", migrations: 5);
        _repo.Commit("shop with five migrations");
        _repo.Branch("coupons");
        ShopRepository.ShowUpTo(_repo, "shop", migrations: 7);
        _repo.Commit("coupons and backfill");
    }

    [Fact]
    public async Task Review_TheNewMigrationsAreReviewed_TheJournalAndSnapshotsAreNot()
    {
        var report = await RunAsync(new FakeDriftStep(null));

        Assert.Equal(
            [new ReviewedFile("shop/drizzle/0005_coupons.sql", ReviewFileRole.Migration, FileChange.Added),
             new ReviewedFile("shop/drizzle/0006_backfill_order_totals.sql", ReviewFileRole.Migration, FileChange.Added)],
            report.Files);
        Assert.Equal(5, report.HistoryCount);
        Assert.Equal(MigrationFormat.Drizzle, report.Format);
        Assert.Equal("shop", report.Project);
        Assert.Equal(ShopRepository.Tags.Take(5), _trace.Scopes[0].History.Select(f => f.Id));
        Assert.All(_trace.Scopes[0].Targets, f => Assert.True(f.RunsInTransaction));
        Assert.Contains(report.Steps, s => s is { Name: "git", Status: StepStatus.Ran } && s.Detail.StartsWith("5 changed files", StringComparison.Ordinal));
        Assert.Contains(report.Steps, s => s is { Name: "drift", Status: StepStatus.Ran, Detail: "drizzle-kit 0.31.11: no drift" });
    }

    [Fact]
    public async Task Review_PendingDriftSql_IsLintedAndItsFindingsPointAtTheSchema()
    {
        const string pending = "ALTER TABLE \"orders\" ADD COLUMN \"gift_wrap\" boolean DEFAULT false NOT NULL;";

        var report = await RunAsync(new FakeDriftStep(pending));

        var pendingScope = _lint.Scopes[1];
        var target = Assert.Single(pendingScope.Targets);
        Assert.Equal(pending, target.Text);
        Assert.Equal(7, pendingScope.History.Count);
        var moved = Assert.Single(report.Findings, f => f.Rule == "fake-lint" && f.File == "shop/src/db/schema.ts");
        Assert.Equal(27, moved.Line);
        Assert.StartsWith("In the migration drizzle-kit would generate for this schema: ", moved.Message, StringComparison.Ordinal);
        Assert.Contains(report.Files, f => f is { Path: "shop/src/db/schema.ts", Role: ReviewFileRole.PendingMigration });
        Assert.Contains(report.Findings, f => f.Rule == "drizzle-schema-drift");
    }

    [Fact]
    public async Task Review_RealDriftCheckWithoutNodeModules_IsSkippedWithHowToEnableIt()
    {
        var report = await RunAsync(new DrizzleDriftStep());

        var drift = Assert.Single(report.Steps, s => s.Name == "drift");
        Assert.Equal(StepStatus.Skipped, drift.Status);
        Assert.Contains("npm install", drift.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ChangedQueryFile_IsExplainedOnlyWithADatabase()
    {
        _repo.Write("shop/queries/workload.sql", File.ReadAllText(_repo.PathOf("shop/queries/workload.sql")) + "\nSELECT count(*) FROM orders;\n")
            .Commit("one more query");
        var explain = new RecordingExplainStep();

        var without = await RunAsync(new FakeDriftStep(null), explain);
        var with = await RunAsync(new FakeDriftStep(null), explain, database: "postgres://localhost/shop");

        Assert.Contains(without.Steps, s => s is { Name: "explain", Status: StepStatus.Skipped } && s.Detail.Contains("no database was given (--db)", StringComparison.Ordinal));
        var call = Assert.Single(explain.Calls);
        Assert.Equal("postgres://localhost/shop", call.Database);
        Assert.Equal("shop/queries/workload.sql", Assert.Single(call.Files).DisplayPath);
        Assert.Contains(with.Files, f => f is { Path: "shop/queries/workload.sql", Role: ReviewFileRole.Query, Change: FileChange.Modified });
    }

    [Fact]
    public async Task Review_EditedEarlyMigration_IsAnErrorAndTheTraceReplaysEverythingAfterIt()
    {
        // 0002 edited on the branch: history stops before it, everything after it runs again in the trace.
        _repo.Write("shop/drizzle/0002_customer_phone.sql", "ALTER TABLE \"customers\" ADD COLUMN \"phone\" text;").Commit("edit 0002");

        var report = await RunAsync(new FakeDriftStep(null));

        Assert.Equal(ShopRepository.Tags.Take(2), _trace.Scopes[0].History.Select(f => f.Id));
        Assert.Equal(ShopRepository.Tags.Skip(2), _trace.Scopes[0].Targets.Select(f => f.Id));
        var edited = Assert.Single(report.Findings, f => f.Rule == ReviewRules.EditedAppliedMigration);
        Assert.Equal(Severity.Error, edited.Severity);
        Assert.Contains("drizzle-kit migrate picks pending migrations by journal timestamp", edited.Help, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.File.EndsWith("0003_order_total_bigint.sql", StringComparison.Ordinal));
    }

    private Task<ReviewReport> RunAsync(IDriftStep drift, RecordingExplainStep? explain = null, string? database = null)
    {
        var runner = new ReviewRunner(new ReviewSteps(_lint, _trace) { Drift = drift, Explain = explain });
        return runner.RunAsync(new ReviewRequest(_repo.PathOf("shop")) { BaseRef = "main", Database = database }, CancellationToken.None);
    }

    public void Dispose() => _repo.Dispose();
}
