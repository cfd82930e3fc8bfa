using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Sources.Drizzle;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Sources;

/// <summary>The real drizzle-kit (npm, the versions examples/shop pins) run on copies of examples/shop.</summary>
[Collection(DrizzleKitCollection.Name)]
public sealed class DrizzleDriftTests(DrizzleKitFixture drizzleKit)
{
    [Fact]
    public async Task CleanProject_HasNoDrift_AndIsLeftUntouched()
    {
        using var project = drizzleKit.CopyShop();
        var before = Snapshot(project.Root);

        var result = await DrizzleDrift.CheckAsync(DrizzleProject.Load(project.Root), CancellationToken.None);

        Assert.True(result.Ran);
        Assert.Equal(DrizzleKitFixture.Packages["drizzle-kit"], result.DrizzleKitVersion);
        Assert.Empty(result.Findings);
        Assert.DoesNotContain(result.Notes, n => n.Severity > Severity.Info);
        Assert.Null(result.PendingSql);
        Assert.Equal(before, Snapshot(project.Root));
    }

    [Fact]
    public async Task SchemaChangeWithoutMigration_IsDrift_WithTheSqlDrizzleKitWouldWrite()
    {
        using var project = drizzleKit.CopyShop();
        var schema = project.PathOf("src/db/schema.ts");
        File.WriteAllText(schema, File.ReadAllText(schema).Replace(
            "  notes: text('notes'),", "  notes: text('notes'),\n  giftWrap: boolean('gift_wrap').notNull().default(false),", StringComparison.Ordinal));
        var before = Snapshot(project.PathOf("drizzle"));

        var result = await DrizzleDrift.CheckAsync(DrizzleProject.Load(project.Root), CancellationToken.None);

        var drift = Assert.Single(result.Findings);
        Assert.Equal((SourceRules.DrizzleSchemaDrift, Severity.Error, FindingOrigin.Drift), (drift.Rule, drift.Severity, drift.Origin));
        Assert.Contains("ALTER TABLE \"orders\" ADD COLUMN \"gift_wrap\" boolean", drift.Sql, StringComparison.Ordinal);
        Assert.Equal("src/db/schema.ts", drift.File);
        Assert.Contains("pgTable('orders'", File.ReadAllLines(schema)[drift.Line - 1], StringComparison.Ordinal);
        Assert.Contains("gift_wrap", result.PendingSql, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(project.PathOf("drizzle")));
    }

    [Fact]
    public async Task RenamePrompt_IsReportedNotAnswered()
    {
        using var project = drizzleKit.CopyShop();
        var schema = project.PathOf("src/db/schema.ts");
        File.WriteAllText(schema, File.ReadAllText(schema).Replace("notes: text('notes'),", "memo: text('memo'),", StringComparison.Ordinal));

        var result = await DrizzleDrift.CheckAsync(DrizzleProject.Load(project.Root), CancellationToken.None);

        Assert.Empty(result.Findings);
        var note = Assert.Single(result.Notes, n => n.Severity == Severity.Warning);
        Assert.Contains("interactive question", note.Message, StringComparison.Ordinal);
        Assert.Contains("drizzle-kit generate", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnapshotCollision_IsACheckFinding_NamingTheProjectsFiles()
    {
        using var project = drizzleKit.CopyShop();
        var latest = JsonNode.Parse(File.ReadAllText(project.PathOf("drizzle/meta/0006_snapshot.json")))!;
        latest["id"] = Guid.NewGuid().ToString();
        File.WriteAllText(project.PathOf("drizzle/meta/0007_snapshot.json"), latest.ToJsonString());

        var result = await DrizzleDrift.CheckAsync(DrizzleProject.Load(project.Root), CancellationToken.None);

        var finding = Assert.Single(result.Findings, f => f.Rule == SourceRules.DrizzleKitCheck);
        Assert.Contains("collision", finding.Message, StringComparison.Ordinal);
        Assert.Contains("drizzle/meta/0007_snapshot.json", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dbx-drizzle-drift", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletedMigrationFile_IsAJournalFinding()
    {
        using var project = drizzleKit.CopyShop();
        File.Delete(project.PathOf("drizzle/0003_order_total_bigint.sql"));

        var set = MigrationSources.Read(project.Root);

        var finding = Assert.Single(SourceRules.Findings(set));
        Assert.Equal((SourceRules.DrizzleJournalMissingFile, "drizzle/meta/_journal.json"), (finding.Rule, finding.File));
        Assert.DoesNotContain(set.Files, f => f.Id == "0003_order_total_bigint");
    }

    [Fact]
    public async Task WithoutNodeModules_SaysWhatWasSkippedAndHowToEnableIt()
    {
        using var project = drizzleKit.CopyShop(withNodeModules: false);

        var result = await DrizzleDrift.CheckAsync(DrizzleProject.Load(project.Root), CancellationToken.None);

        Assert.False(result.Ran);
        var note = Assert.Single(result.Notes);
        Assert.Contains("npm install", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutNode_SaysWhatWasSkipped()
    {
        using var project = drizzleKit.CopyShop();
        var options = new DrizzleDriftOptions { NodePath = Path.Combine(project.Root, "no-such-node") };

        var result = await DrizzleDrift.CheckAsync(DrizzleProject.Load(project.Root), options, CancellationToken.None);

        Assert.False(result.Ran);
        Assert.Contains("no-such-node", Assert.Single(result.Notes).Message, StringComparison.Ordinal);
    }

    /// <summary>Every file under <paramref name="root"/> (links not followed) with its content, for before/after comparisons.</summary>
    private static string Snapshot(string root) =>
        JsonSerializer.Serialize(new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .Select(f => new[] { Path.GetRelativePath(root, f.FullName), File.ReadAllText(f.FullName) }));
}
