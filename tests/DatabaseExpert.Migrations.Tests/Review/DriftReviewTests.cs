using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Tests.Review.Infrastructure;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;
using DatabaseExpert.Testing.Git;

namespace DatabaseExpert.Migrations.Tests.Review;

/// <summary>The review's drift step with the real drizzle-kit (from npm): a schema change without its migration.</summary>
[Collection(DrizzleKitCollection.Name)]
public sealed class DriftReviewTests(DrizzleKitFixture drizzleKit) : IDisposable
{
    private readonly TempGitRepository _repo = TempGitRepository.Init();

    [Fact]
    public async Task Review_SchemaChangeWithoutMigration_IsDrift_AndTheSqlDrizzleKitWouldWriteIsLinted()
    {
        ShopRepository.Write(_repo, "shop", migrations: 7);
        Directory.CreateSymbolicLink(_repo.PathOf("shop/node_modules"), drizzleKit.NodeModules);
        _repo.Write(".gitignore", "node_modules\n").Commit("shop");
        _repo.Branch("gift-wrap");
        var schema = _repo.PathOf("shop/src/db/schema.ts");
        _repo.Write("shop/src/db/schema.ts", File.ReadAllText(schema).Replace(
            "  notes: text('notes'),", "  notes: text('notes'),\n  giftWrap: boolean('gift_wrap').notNull().default(false),", StringComparison.Ordinal))
            .Commit("gift wrap, migration forgotten");
        var lint = new RecordingStep("fake-lint");

        var report = await new ReviewRunner(new ReviewSteps(lint, new RecordingStep("fake-trace")))
            .RunAsync(new ReviewRequest(_repo.PathOf("shop")) { BaseRef = "main" }, CancellationToken.None);

        Assert.Contains(report.Steps, s => s is { Name: "drift", Status: StepStatus.Ran, Detail: "drizzle-kit 0.31.11: schema changes without a migration" });
        var drift = Assert.Single(report.Findings, f => f.Rule == "drizzle-schema-drift");
        Assert.Equal("shop/src/db/schema.ts", drift.File);
        Assert.Contains("gift_wrap", Assert.Single(lint.Scopes).Targets.Single().Text, StringComparison.Ordinal);
        var linted = Assert.Single(report.Findings, f => f.Rule == "fake-lint");
        Assert.Equal((drift.File, drift.Line), (linted.File, linted.Line));
        Assert.Contains(report.Files, f => f is { Path: "shop/src/db/schema.ts", Role: ReviewFileRole.PendingMigration });
        Assert.Equal(Severity.Error, drift.Severity);
    }

    public void Dispose() => _repo.Dispose();
}
