using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Sources;

public sealed class MigrationSourcesTests
{
    [Fact]
    public void Detect_NamesTheToolAndWhy()
    {
        var detection = MigrationSources.Detect(RepositoryPaths.ShopExample);

        Assert.Equal((MigrationFormat.Drizzle, "drizzle.config.ts"), (detection.Format, detection.Reason));
    }

    [Fact]
    public void EmptyFolder_ListsWhatWasLookedFor()
    {
        using var project = new TempProject();
        project.Write("README.md", "nothing here");

        var error = Assert.Throws<MigrationSourceException>(() => MigrationSources.Detect(project.Root));

        Assert.Equal(project.Root, error.Path);
        foreach (var expected in new[] { "drizzle.config.ts", "migration_lock.toml", "flyway.conf", "migrate:up", ".up.sql", ".sql files" })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MissingPath_SaysSo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "dbx-does-not-exist-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<MigrationSourceException>(() => MigrationSources.Read(missing));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonSqlFile_IsRefused()
    {
        using var project = new TempProject();
        var file = project.Write("notes.txt", "SELECT 1;");

        var error = Assert.Throws<MigrationSourceException>(() => MigrationSources.Read(file));

        Assert.Contains(".sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileTheToolWouldNotApply_IsReadAsPlainSqlWithItsNote()
    {
        using var project = new TempProject();
        project.Write("drizzle.config.ts", "export default defineConfig({ dialect: 'postgresql', out: './drizzle' });");
        project.WriteJournal("drizzle", ("0000_a", 1));
        project.Write("drizzle/0000_a.sql", "SELECT 1;");
        var stray = project.Write("drizzle/0001_new.sql", "SELECT 2;");

        var set = MigrationSources.Read(stray);

        var file = Assert.Single(set.Files);
        Assert.Equal((stray, MigrationFormat.PlainSql), (file.Path, file.Format));
        Assert.Equal(SourceRules.DrizzleFileNotInJournal, Assert.Single(SourceRules.Findings(set)).Rule);
    }

    [Fact]
    public void DisplayRoot_ChangesDisplayPathsOnly()
    {
        var set = MigrationSources.Read(RepositoryPaths.ShopExample, new MigrationSourceOptions { DisplayRoot = RepositoryPaths.Root });

        Assert.StartsWith("examples/shop/drizzle/", set.Files[0].DisplayPath, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(RepositoryPaths.ShopExample), set.Root);
    }
}
