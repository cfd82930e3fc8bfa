using System.CommandLine;
using System.Text.Json;
using DatabaseExpert.Cli.Commands;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Review.Steps;
using DatabaseExpert.Postgres.Sql;
using DatabaseExpert.Testing.Git;
using DatabaseExpert.Testing.Sarif;

namespace DatabaseExpert.Cli.Tests.Commands;

/// <summary>
/// <c>dbx review</c> end to end in a temp git repository holding examples/shop: main has its first five migrations, the
/// branch adds 0005 (coupons, a foreign key) and then 0006 (a backfill), as drizzle-kit generate would. Lint and trace are
/// fakes with fixed rules (every FOREIGN KEY statement is an error, every UPDATE a warning, each at the statement's
/// line) until the real steps are bound in ReviewStepBinding.
/// </summary>
public sealed class ReviewCommandTests : IClassFixture<SarifTools>, IDisposable
{
    private const string Coupons = "shop/drizzle/0005_coupons.sql";
    private const string Backfill = "shop/drizzle/0006_backfill_order_totals.sql";

    private readonly SarifTools _sarif;
    private readonly TempGitRepository _repo = TempGitRepository.Init();

    public ReviewCommandTests(SarifTools sarif)
    {
        _sarif = sarif;
        ShopRepository.Write(_repo, "shop", migrations: 5);
        _repo.Commit("shop");
        _repo.Branch("coupons");
        ShopRepository.ShowUpTo(_repo, "shop", migrations: 6);
        _repo.Commit("coupons");
        ShopRepository.ShowUpTo(_repo, "shop", migrations: 7);
        _repo.Commit("backfill");
    }

    [Fact]
    public async Task Review_Json_ReportsTheChangedMigrationsAgainstTheMergeBase()
    {
        var result = await RunAsync("review", "shop", "--base", "main", "--format", "json", "--no-drift");

        using var json = JsonDocument.Parse(result.Stdout);
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("change").GetString()));
        Assert.Equal([(Coupons, "added"), (Backfill, "added")], files);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((1, 1, 5), (summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("history").GetInt32()));
        Assert.Equal(_repo.Git("rev-parse", "main").Trim(), summary.GetProperty("mergeBase").GetString());
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
    }

    [Fact]
    public async Task Review_Markdown_IsAPullRequestCommentWithMarkerCountsAndSql()
    {
        var result = await RunAsync("review", "shop", "--base", "main", "--markdown", "review.md", "--no-drift");

        var markdown = File.ReadAllText(_repo.PathOf("review.md"));
        Assert.StartsWith("<!-- dbx-review -->\n## dbx review: 🔴 1 error · 🟡 1 warning · 🔵 0 info\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"| `{Coupons}` | added | 1 | 0 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| `{Backfill}` | added | 0 | 1 | 0 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("0004_reviews.sql", markdown, StringComparison.Ordinal);
        Assert.Contains("**Offending SQL**\n\n```sql\nALTER TABLE \"orders\" ADD CONSTRAINT \"orders_coupon_id_coupons_id_fk\" FOREIGN KEY", markdown, StringComparison.Ordinal);
        Assert.Contains("**Safe rewrite**\n\n```sql\n", markdown, StringComparison.Ordinal);
        Assert.Contains("dbx: wrote the markdown report to review.md", result.Stderr, StringComparison.Ordinal);
        // The text report still goes to stdout.
        Assert.StartsWith("dbx review shop (Drizzle) against main", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_Sarif_IsSchemaValidAndPointsAtTheStatementsLines()
    {
        await RunAsync("review", "shop", "--base", "main", "--format", "sarif", "--output", "out/dbx.sarif", "--no-drift");

        var text = File.ReadAllText(_repo.PathOf("out/dbx.sarif"));
        var errors = _sarif.SchemaErrors(text);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        using var sarif = JsonDocument.Parse(text);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
            var sql = result.GetProperty("properties").GetProperty("sql").GetString()!;
            Assert.StartsWith(sql.Split('\n')[0], File.ReadAllLines(_repo.PathOf(uri))[line - 1], StringComparison.Ordinal);
        }

        Assert.Equal([Coupons, Backfill], results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public async Task Review_Github_WritesAnnotationsAtTheStatementLines()
    {
        var result = await RunAsync("review", "shop", "--base", "main", "--format", "github", "--no-drift");

        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        var foreignKeyLine = LineOf(Coupons, "FOREIGN KEY");
        var updateLine = LineOf(Backfill, "UPDATE \"orders\"");
        Assert.StartsWith($"::error file={Coupons},line={foreignKeyLine},", lines[0], StringComparison.Ordinal);
        Assert.Contains(",title=dbx fake-foreign-key::", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"::warning file={Backfill},line={updateLine},", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("::notice title=dbx review::dbx review shop (Drizzle) against main", lines[^1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Theory]
    [InlineData("main", "error", ExitCodes.Findings)]
    [InlineData("main", "never", ExitCodes.Ok)]
    [InlineData("HEAD~1", "error", ExitCodes.Ok)]
    [InlineData("HEAD~1", "warning", ExitCodes.Findings)]
    public async Task Review_FailOn_SetsTheExitCode(string baseRef, string failOn, int exitCode)
    {
        // Against HEAD~1 only 0006 changed: one warning, no error.
        var result = await RunAsync("review", "shop", "--base", baseRef, "--fail-on", failOn, "--format", "json", "--no-drift");

        Assert.Equal(exitCode, result.ExitCode);
    }

    [Fact]
    public async Task Review_WithoutBase_ReviewsEveryMigrationAsNew()
    {
        var result = await RunAsync("review", "shop", "--format", "json", "--no-drift", "--fail-on", "never");

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(7, json.RootElement.GetProperty("files").GetArrayLength());
        Assert.Equal("project", json.RootElement.GetProperty("summary").GetProperty("mode").GetString());
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    [Fact]
    public async Task Review_SeveralFormatsAtOnce_WritesEachFile()
    {
        var result = await RunAsync("review", "shop", "--base", "main", "--format", "github", "--sarif", "dbx.sarif", "--markdown", "dbx.md", "--json", "dbx.json", "--no-drift");

        Assert.StartsWith("::error ", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("{", File.ReadAllText(_repo.PathOf("dbx.json")), StringComparison.Ordinal);
        Assert.StartsWith("<!-- dbx-review -->", File.ReadAllText(_repo.PathOf("dbx.md")), StringComparison.Ordinal);
        Assert.Empty(_sarif.SchemaErrors(File.ReadAllText(_repo.PathOf("dbx.sarif"))));
    }

    [Theory]
    [InlineData("--format", "yaml", "--format 'yaml' is not supported; use text, json, markdown, sarif, github")]
    [InlineData("--fail-on", "info", "--fail-on 'info' is not supported; use error, warning, never")]
    [InlineData("--base", "release", "--base release: no such branch, tag or commit")]
    [InlineData("--seed", "missing.sql", "--seed missing.sql: no such file")]
    [InlineData("--docs-url", "docs/", "--docs-url docs/ is not an http(s) URL")]
    [InlineData("--sarif", "out.txt", "is named for several outputs (text, sarif)")]
    public async Task Review_BadOption_IsAUsageError(string option, string value, string message)
    {
        var result = await RunAsync("review", "shop", option, value, "--output", "out.txt", "--no-drift");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_FolderWithoutMigrations_IsAUsageErrorThatSaysWhatWasLookedFor()
    {
        _repo.Write("empty/README.md", "nothing here\n");

        var result = await RunAsync("review", "empty");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("No migrations found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_Summarize_WithoutAModel_SaysSoAndKeepsTheFindings()
    {
        var result = await DbxRunner.RunAsync(
            ["review", "shop", "--base", "main", "--summarize", "--no-drift", "--no-trace", "--format", "json", "--fail-on", "never"],
            new DbxRunOptions { WorkingDirectory = _repo.Root });

        using var json = JsonDocument.Parse(result.Stdout);
        var summary = json.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "summary");
        Assert.Equal("skipped", summary.GetProperty("status").GetString());
        Assert.StartsWith("no model is configured", summary.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.TryGetProperty("expertSummary", out _));
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    private Task<DbxResult> RunAsync(params string[] args) => DbxRunner.RunAsync(args, new DbxRunOptions
    {
        WorkingDirectory = _repo.Root,
        BuildRoot = host =>
        {
            var root = DbxApp.BuildRoot(host);
            root.Subcommands.Remove(root.Subcommands.Single(c => c.Name == "review"));
            root.Subcommands.Add(ReviewCommand.Create(host, (_, _) => new ReviewSteps(new FixedRules(), new FixedRules())));
            return root;
        },
    });

    private int LineOf(string file, string text) =>
        Array.FindIndex(File.ReadAllLines(_repo.PathOf(file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public void Dispose() => _repo.Dispose();

    /// <summary>Lint: every FOREIGN KEY statement is an error (with a rewrite). Trace: every UPDATE is a warning (with evidence).</summary>
    private sealed class FixedRules : ILintStep, ITraceStep
    {
        public Task<StepOutcome> LintAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) =>
            Task.FromResult(StepOutcome.Ran("fixed rules", Find(scope, "FOREIGN", "fake-foreign-key", Severity.Error, FindingOrigin.Lint)));

        public Task<StepOutcome> TraceAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) =>
            Task.FromResult(StepOutcome.Ran("fixed rules", Find(scope, "UPDATE", "fake-update", Severity.Warning, FindingOrigin.Trace)));

        private static List<Finding> Find(MigrationScope scope, string keyword, string rule, Severity severity, FindingOrigin origin) =>
        [
            .. scope.Targets.SelectMany(file => SqlScript.Parse(file.Text).Statements
                .Where(s => s.SignificantTokens.Any(t => t.IsKeyword(keyword)) && (keyword != "UPDATE" || s.StartsWith("UPDATE")))
                .Select(s => new Finding(rule, severity, file.DisplayPath, s.Start.Line, s.Start.Column, $"{rule} in {file.Id}", "do it safely")
                {
                    Origin = origin,
                    Sql = s.Text,
                    EndLine = s.End.Line,
                    SafeRewrite = origin == FindingOrigin.Lint ? s.Text + " NOT VALID;" : null,
                    Evidence = origin == FindingOrigin.Trace ? "RowExclusiveLock on orders" : null,
                })),
        ];
    }
}
