using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Sources;

public sealed class DrizzleReaderTests
{
    private const string Config = """
        import { defineConfig } from 'drizzle-kit';

        export default defineConfig({
          dialect: 'postgresql',
          schema: './src/schema.ts',
          out: './db/migrations',
        });
        """;

    [Fact]
    public void ShopExample_FollowsTheJournal()
    {
        var set = MigrationSources.Read(RepositoryPaths.ShopExample);

        var journal = File.ReadAllText(Path.Combine(RepositoryPaths.ShopExample, "drizzle", "meta", "_journal.json"));
        var tags = System.Text.Json.JsonDocument.Parse(journal).RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("tag").GetString()).ToList();
        Assert.Equal(MigrationFormat.Drizzle, set.Format);
        Assert.Equal(tags, set.Files.Select(f => f.Id));
        Assert.Equal(tags.Select(t => $"drizzle/{t}.sql"), set.Files.Select(f => f.DisplayPath));
        Assert.All(set.Files, f => Assert.True(f.RunsInTransaction));
        Assert.DoesNotContain(set.Notes, n => n.Severity > Severity.Info);
    }

    [Fact]
    public void JournalOrder_WinsOverFileNames()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        project.WriteJournal("db/migrations", ("0001_b", 100), ("0000_a", 200));
        project.Write("db/migrations/0000_a.sql", "SELECT 'a';");
        project.Write("db/migrations/0001_b.sql", "SELECT 'b';");

        var set = MigrationSources.Read(project.Root);

        Assert.Equal(["0001_b", "0000_a"], set.Files.Select(f => f.Id));
        Assert.Equal("db/migrations/0001_b.sql", set.Files[0].DisplayPath);
    }

    [Fact]
    public void MissingAndExtraFiles_AreProjectFindings()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        var journal = project.WriteJournal("db/migrations", ("0000_a", 100), ("0001_gone", 200));
        project.Write("db/migrations/0000_a.sql", "SELECT 'a';");
        project.Write("db/migrations/0002_stray.sql", "SELECT 'stray';");

        var set = MigrationSources.Read(project.Root);
        var findings = SourceRules.Findings(set).ToList();

        Assert.Equal(["0000_a"], set.Files.Select(f => f.Id));
        var missing = Assert.Single(findings, f => f.Rule == SourceRules.DrizzleJournalMissingFile);
        Assert.Equal("db/migrations/meta/_journal.json", missing.File);
        Assert.Contains("\"0001_gone\"", File.ReadAllLines(journal)[missing.Line - 1], StringComparison.Ordinal);
        Assert.Equal(Severity.Error, missing.Severity);
        var extra = Assert.Single(findings, f => f.Rule == SourceRules.DrizzleFileNotInJournal);
        Assert.Equal("db/migrations/0002_stray.sql", extra.File);
    }

    [Fact]
    public void NonMonotonicWhen_IsReportedAtTheLateEntry()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        var journal = project.WriteJournal("db/migrations", ("0000_a", 300), ("0001_b", 500), ("0002_merged_late", 400), ("0003_c", 600));
        foreach (var tag in new[] { "0000_a", "0001_b", "0002_merged_late", "0003_c" })
        {
            project.Write($"db/migrations/{tag}.sql", "SELECT 1;");
        }

        var finding = Assert.Single(SourceRules.Findings(MigrationSources.Read(project.Root)));

        Assert.Equal(SourceRules.DrizzleJournalTimestampOrder, finding.Rule);
        Assert.Contains("\"0002_merged_late\"", File.ReadAllLines(journal)[finding.Line - 1], StringComparison.Ordinal);
        Assert.Contains("0001_b", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualWhen_IsAlsoSkippedByTheMigrator()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        project.WriteJournal("db/migrations", ("0000_a", 300), ("0001_b", 300));
        project.Write("db/migrations/0000_a.sql", "SELECT 1;");
        project.Write("db/migrations/0001_b.sql", "SELECT 2;");

        var finding = Assert.Single(SourceRules.Findings(MigrationSources.Read(project.Root)));

        Assert.Equal(SourceRules.DrizzleJournalTimestampOrder, finding.Rule);
    }

    [Fact]
    public void BreakpointInsideABody_IsFound_ButGeneratedMarkersAreNot()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        project.WriteJournal("db/migrations", ("0000_a", 1), ("0001_fn", 2));
        project.Write("db/migrations/0000_a.sql",
            "CREATE TABLE \"a\" (\"id\" integer);--> statement-breakpoint\nCREATE INDEX \"a_id\" ON \"a\" (\"id\");");
        project.Write("db/migrations/0001_fn.sql",
            "CREATE FUNCTION f() RETURNS int AS $$\nSELECT 1; --> statement-breakpoint\nSELECT 2;\n$$ LANGUAGE sql;");

        var finding = Assert.Single(SourceRules.Findings(MigrationSources.Read(project.Root)));

        Assert.Equal((SourceRules.DrizzleBreakpointSplitsStatement, "db/migrations/0001_fn.sql", 2), (finding.Rule, finding.File, finding.Line));
    }

    [Fact]
    public void OutFolderGivenDirectly_UsesTheConfigAbove()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        project.WriteJournal("db/migrations", ("0000_a", 1));
        project.Write("db/migrations/0000_a.sql", "SELECT 1;");

        var detection = MigrationSources.Detect(project.PathOf("db/migrations"));
        var set = MigrationSources.Read(project.PathOf("db/migrations"));

        Assert.Equal((project.Root, project.PathOf("drizzle.config.ts")), (detection.Root, detection.ConfigFile));
        Assert.Equal("db/migrations/0000_a.sql", Assert.Single(set.Files).DisplayPath);
    }

    [Fact]
    public void OneFileOfTheOutFolder_KeepsDrizzleSemantics()
    {
        var file = Path.Combine(RepositoryPaths.ShopExample, "drizzle", "0005_coupons.sql");

        var set = MigrationSources.Read(file);

        var migration = Assert.Single(set.Files);
        Assert.Equal((MigrationFormat.Drizzle, "0005_coupons", true), (migration.Format, migration.Id, migration.RunsInTransaction));
    }

    [Fact]
    public void FolderPerMigrationLayout_IsOrderedByFolderName()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        foreach (var folder in new[] { "20250102000000_second", "20250101000000_first" })
        {
            project.Write($"db/migrations/{folder}/migration.sql", $"SELECT '{folder}';");
            project.Write($"db/migrations/{folder}/snapshot.json", "{}");
        }

        var set = MigrationSources.Read(project.Root);

        Assert.Equal(["20250101000000_first", "20250102000000_second"], set.Files.Select(f => f.Id));
        Assert.Equal("db/migrations/20250101000000_first/migration.sql", set.Files[0].DisplayPath);
        Assert.All(set.Files, f => Assert.True(f.RunsInTransaction));
    }

    [Fact]
    public void MalformedJournal_IsAClearError()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", Config);
        project.Write("db/migrations/meta/_journal.json", "{\n  \"entries\": [\n    { \"tag\": \"0000_a\", }\n");

        var error = Assert.Throws<MigrationSourceException>(() => MigrationSources.Read(project.Root));

        Assert.EndsWith("_journal.json", error.Path, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Contains("version control", error.Message, StringComparison.Ordinal);
    }
}
