using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Tests.Review.Infrastructure;
using DatabaseExpert.Testing.Git;

namespace DatabaseExpert.Migrations.Tests.Review;

/// <summary>The review of a plain-SQL project in a temp git repository, with fake lint and trace steps.</summary>
public sealed class ReviewRunnerTests : IDisposable
{
    private readonly TempGitRepository _repo = TempGitRepository.Init();
    private readonly RecordingStep _lint = new("fake-lint");
    private readonly RecordingStep _trace = new("fake-trace", Severity.Error);

    public ReviewRunnerTests()
    {
        _repo.Write("db/001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE INDEX users_id ON users (id);\n")
            .Write("db/002_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n")
            .Write("README.md", "app\n")
            .Commit("base");
        _repo.Branch("feature");
    }

    [Fact]
    public async Task Diff_NewMigration_IsReviewedWithTheEarlierOnesAsHistory()
    {
        _repo.Write("db/003_items.sql", "CREATE TABLE items (id bigint);\n").Write("README.md", "app 2\n").Commit("add items");

        var report = await RunAsync("main");

        var file = Assert.Single(report.Files);
        Assert.Equal(new ReviewedFile("db/003_items.sql", ReviewFileRole.Migration, FileChange.Added), file);
        Assert.Equal(ReviewMode.Diff, report.Mode);
        Assert.Equal(2, report.HistoryCount);
        var scope = Assert.Single(_lint.Scopes);
        Assert.Equal(["001_users", "002_orders"], scope.History.Select(f => f.Id));
        Assert.Equal(["003_items"], scope.Targets.Select(f => f.Id));
        Assert.Equal(["db/003_items.sql", "db/003_items.sql"], report.Findings.Select(f => f.File));
        Assert.Equal(_repo.Git("rev-parse", "main").Trim(), report.MergeBase);
        Assert.Contains(report.Steps, s => s is { Name: "git", Status: StepStatus.Ran } && s.Detail.StartsWith("2 changed files between main", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_UsesTheMergeBase_SoWorkMergedIntoTheBaseMeanwhileIsNotReported()
    {
        _repo.Write("db/003_items.sql", "CREATE TABLE items (id bigint);\n").Commit("feature work");
        _repo.Checkout("main").Write("db/003_payments.sql", "CREATE TABLE payments (id bigint);\n").Commit("merged elsewhere");
        _repo.Checkout("feature");

        var report = await RunAsync("main");

        Assert.Equal(["db/003_items.sql"], report.Files.Select(f => f.Path));
        Assert.DoesNotContain(report.Findings, f => f.Rule == ReviewRules.EditedAppliedMigration);
    }

    [Fact]
    public async Task Diff_NothingChanged_SkipsLintAndTraceWithTheReason()
    {
        var report = await RunAsync("main");

        Assert.Empty(report.Files);
        Assert.Empty(_lint.Scopes);
        Assert.Contains(report.Steps, s => s is { Name: "lint", Status: StepStatus.Skipped, Detail: "no migration changed" });
        Assert.Contains(report.Steps, s => s is { Name: "trace", Status: StepStatus.Skipped, Detail: "no migration changed" });
    }

    [Fact]
    public async Task Diff_EditedStatement_IsAnErrorAtTheFirstStatementThatDiffers()
    {
        _repo.Write("db/001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE UNIQUE INDEX users_id ON users (id);\n").Commit("edit history");

        var report = await RunAsync("main");

        var edited = Assert.Single(report.Findings, f => f.Rule == ReviewRules.EditedAppliedMigration);
        Assert.Equal((Severity.Error, "db/001_users.sql", 2, 1), (edited.Severity, edited.File, edited.Line, edited.Column));
        Assert.Equal("CREATE UNIQUE INDEX users_id ON users (id)", edited.Sql);
        Assert.Contains("statement 2 was edited", edited.Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(report.Files).ExistedAtBase);
        // Still linted and traced: an edit can also be dangerous in itself.
        Assert.Equal(["db/001_users.sql"], _lint.Scopes[0].Targets.Select(f => f.DisplayPath));
    }

    [Fact]
    public async Task Diff_CommentOnlyEdit_IsInfo()
    {
        _repo.Write("db/002_orders.sql", "-- orders of a user\nCREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  user_id bigint\n);\n").Commit("comment");

        var report = await RunAsync("main");

        var edited = Assert.Single(report.Findings, f => f.Rule == ReviewRules.EditedAppliedMigration);
        Assert.Equal(Severity.Info, edited.Severity);
        Assert.Contains("only comments or layout changed", edited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_RenamedMigration_IsAWarningWithThePreviousPath()
    {
        _repo.Git("mv", "db/002_orders.sql", "db/002_all_orders.sql");
        _repo.Commit("rename");

        var report = await RunAsync("main");

        var file = Assert.Single(report.Files);
        Assert.Equal((FileChange.Renamed, "db/002_orders.sql", true), (file.Change, file.PreviousPath, file.ExistedAtBase));
        var edited = Assert.Single(report.Findings, f => f.Rule == ReviewRules.EditedAppliedMigration);
        Assert.Equal((Severity.Warning, "db/002_all_orders.sql"), (edited.Severity, edited.File));
    }

    [Fact]
    public async Task Diff_DeletedMigration_IsAnError()
    {
        _repo.Delete("db/002_orders.sql").Commit("delete");

        var report = await RunAsync("main");

        var deleted = Assert.Single(report.Findings);
        Assert.Equal((ReviewRules.EditedAppliedMigration, Severity.Error, "db/002_orders.sql"), (deleted.Rule, deleted.Severity, deleted.File));
        Assert.Contains("was deleted", deleted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_FindingsOnUnchangedMigrationsBetweenReviewedOnes_AreDroppedWithANote()
    {
        _repo.Write("db/001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n-- index later\nCREATE INDEX users_id ON users (id);\n")
            .Write("db/003_items.sql", "CREATE TABLE items (id bigint);\n")
            .Commit("two changes");

        var report = await RunAsync("main");

        // 002 runs between the two reviewed migrations, so it is a target, but it is not under review.
        Assert.Equal(["001_users", "002_orders", "003_items"], _trace.Scopes[0].Targets.Select(f => f.Id));
        Assert.DoesNotContain(report.Findings, f => f.File == "db/002_orders.sql");
        Assert.Contains(report.Notes, n => n.Message == "lint: 1 finding in unchanged migrations not reported (review without --base to see them).");
        Assert.Contains(report.Notes, n => n.Message.StartsWith("trace: 1 finding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diff_UntrackedMigration_NeedsIncludeUncommitted()
    {
        _repo.Write("db/003_items.sql", "CREATE TABLE items (id bigint);\n");

        var committed = await RunAsync("main");
        var working = await RunAsync("main", ReviewOptions.Default with { IncludeUncommitted = true });

        Assert.Empty(committed.Files);
        Assert.Equal([new ReviewedFile("db/003_items.sql", ReviewFileRole.Migration, FileChange.Untracked)], working.Files);
    }

    [Fact]
    public async Task Diff_UncommittedEditOfAReviewedFile_IsNoted()
    {
        _repo.Write("db/003_items.sql", "CREATE TABLE items (id bigint);\n").Commit("items");
        _repo.Write("db/003_items.sql", "CREATE TABLE items (id bigint, name text);\n");

        var report = await RunAsync("main");

        Assert.Contains(report.Notes, n => n.Severity == Severity.Warning && n.Message.StartsWith("db/003_items.sql has uncommitted changes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WholeProject_ReviewsEveryMigrationInOrder()
    {
        var report = await RunAsync(baseRef: null);

        Assert.Equal(ReviewMode.WholeProject, report.Mode);
        Assert.Equal(["db/001_users.sql", "db/002_orders.sql"], report.Files.Select(f => f.Path));
        Assert.All(report.Files, f => Assert.Null(f.Change));
        Assert.Empty(_lint.Scopes[0].History);
        Assert.Equal(["001_users", "002_orders"], _lint.Scopes[0].Targets.Select(f => f.Id));
        Assert.DoesNotContain(report.Steps, s => s.Name == "git");
        Assert.Equal("db", report.Project);
    }

    [Fact]
    public async Task WholeProject_OutsideGit_UsesTheDisplayRoot()
    {
        var folder = Directory.CreateTempSubdirectory("dbx-review-nogit-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "001_a.sql"), "CREATE TABLE a (id int);\n");
            var runner = new ReviewRunner(new ReviewSteps(_lint, _trace));

            var report = await runner.RunAsync(new ReviewRequest(folder.FullName) { DisplayRoot = Path.GetDirectoryName(folder.FullName) }, CancellationToken.None);

            Assert.Equal($"{folder.Name}/001_a.sql", Assert.Single(report.Files).Path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Base_Unknown_FailsWithHowToFetchIt()
    {
        var error = await Assert.ThrowsAsync<ReviewException>(() => RunAsync("origin/release"));

        Assert.Contains("--base origin/release: no such branch, tag or commit", error.Message, StringComparison.Ordinal);
        Assert.Contains("fetch-depth: 0", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsEnvironment);
    }

    [Fact]
    public async Task Base_OutsideGit_FailsAndSuggestsTheWholeProject()
    {
        var folder = Directory.CreateTempSubdirectory("dbx-review-nogit-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "001_a.sql"), "SELECT 1;\n");
            var runner = new ReviewRunner(new ReviewSteps(_lint, _trace));

            var error = await Assert.ThrowsAsync<ReviewException>(() => runner.RunAsync(new ReviewRequest(folder.FullName) { BaseRef = "main" }, CancellationToken.None));

            Assert.Contains("--base needs a git repository", error.Message, StringComparison.Ordinal);
            Assert.Contains("Review without --base", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Path_Missing_FailsClearly()
    {
        var error = await Assert.ThrowsAsync<ReviewException>(() => RunAsync(null, project: "nowhere"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_ThatThrows_IsRecordedAsFailedAndTheOthersStillReport()
    {
        _repo.Write("db/003_items.sql", "CREATE TABLE items (id bigint);\n").Commit("items");
        var runner = new ReviewRunner(new ReviewSteps(new ThrowingStep(), _trace));

        var report = await runner.RunAsync(new ReviewRequest(_repo.PathOf("db")) { BaseRef = "main" }, CancellationToken.None);

        Assert.Contains(report.Steps, s => s is { Name: "lint", Status: StepStatus.Failed, Detail: "InvalidOperationException: the linter broke" });
        Assert.Contains(report.Notes, n => n.Severity == Severity.Warning && n.Message.StartsWith("lint failed, its findings are missing", StringComparison.Ordinal));
        Assert.Single(report.Findings, f => f.Rule == "fake-trace");
    }

    [Fact]
    public async Task Trace_TurnedOff_IsSkippedWithTheReason()
    {
        var report = await RunAsync(null, ReviewOptions.Default with { Trace = false });

        Assert.Empty(_trace.Scopes);
        Assert.Contains(report.Steps, s => s is { Name: "trace", Status: StepStatus.Skipped, Detail: "turned off (--no-trace)" });
    }

    [Fact]
    public async Task Drift_OnAPlainSqlProject_IsSkipped()
    {
        var report = await RunAsync(null);

        Assert.Contains(report.Steps, s => s is { Name: "drift", Status: StepStatus.Skipped, Detail: "not a Drizzle project (PlainSql)" });
    }

    [Fact]
    public async Task ExcludedRules_AreNotReported()
    {
        var report = await RunAsync(null, ReviewOptions.Default with { ExcludedRules = new HashSet<string>(StringComparer.Ordinal) { "fake-lint" } });

        Assert.DoesNotContain(report.Findings, f => f.Rule == "fake-lint");
        Assert.Contains(report.Findings, f => f.Rule == "fake-trace");
        Assert.Contains(report.Notes, n => n.Message == "2 findings of excluded rules not reported.");
    }

    [Fact]
    public async Task Summarize_WithoutASummaryStep_IsSkipped_AndWithOne_AddsTheSummaryAboveUnchangedFindings()
    {
        var skipped = await RunAsync(null, ReviewOptions.Default with { Summarize = true });
        var summary = new FixedSummaryStep("Index users concurrently.");
        var runner = new ReviewRunner(new ReviewSteps(_lint, _trace) { Summary = summary });

        var written = await runner.RunAsync(new ReviewRequest(_repo.PathOf("db")) { Options = ReviewOptions.Default with { Summarize = true } }, CancellationToken.None);

        Assert.Contains(skipped.Steps, s => s is { Name: "summary", Status: StepStatus.Skipped } && s.Detail.StartsWith("no model is configured", StringComparison.Ordinal));
        Assert.Null(skipped.ExpertSummary);
        Assert.Equal("Index users concurrently.", written.ExpertSummary);
        Assert.Equal(summary.Seen!.Findings, written.Findings);
        Assert.Contains(written.Steps, s => s is { Name: "summary", Status: StepStatus.Ran, Detail: "written by test-model" });
    }

    private Task<ReviewReport> RunAsync(string? baseRef, ReviewOptions? options = null, string project = "db")
    {
        var runner = new ReviewRunner(new ReviewSteps(_lint, _trace));
        return runner.RunAsync(new ReviewRequest(_repo.PathOf(project)) { BaseRef = baseRef, Options = options ?? ReviewOptions.Default }, CancellationToken.None);
    }

    public void Dispose() => _repo.Dispose();
}
