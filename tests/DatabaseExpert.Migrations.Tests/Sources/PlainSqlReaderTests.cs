using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Sources;

public sealed class PlainSqlReaderTests
{
    [Fact]
    public void Folder_IsReadInNaturalNameOrder()
    {
        using var project = new TempProject();
        foreach (var name in new[] { "10_ten.sql", "2_two.sql", "1_one.sql", "003_three.sql", "9_nine.sql" })
        {
            project.Write($"sql/{name}", $"SELECT '{name}';");
        }

        var set = MigrationSources.Read(project.PathOf("sql"));

        Assert.Equal(MigrationFormat.PlainSql, set.Format);
        Assert.Equal(["1_one.sql", "2_two.sql", "003_three.sql", "9_nine.sql", "10_ten.sql"], set.Files.Select(f => f.DisplayPath));
        Assert.All(set.Files, f => Assert.Contains(f.DisplayPath, f.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void PlainFiles_RunOutsideATransactionUnlessConfigured()
    {
        using var project = new TempProject();
        var file = project.Write("change.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");

        var byDefault = Assert.Single(MigrationSources.Read(file).Files);
        var configured = Assert.Single(MigrationSources.Read(file, new MigrationSourceOptions { PlainSqlInTransaction = true }).Files);

        Assert.False(byDefault.RunsInTransaction);
        Assert.True(configured.RunsInTransaction);
        Assert.Contains("psql", byDefault.TransactionNote, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleFile_IsReadAlone()
    {
        using var project = new TempProject();
        project.Write("a.sql", "SELECT 1;");
        var b = project.Write("b.sql", "SELECT 2;");

        var file = Assert.Single(MigrationSources.Read(b).Files);

        Assert.Equal((b, "b.sql", "b", "SELECT 2;"), (file.Path, file.DisplayPath, file.Id, file.Text));
    }

    [Fact]
    public void SeveralPaths_KeepTheGivenOrderAndShowPathsFromTheDisplayRoot()
    {
        using var project = new TempProject();
        var late = project.Write("late/9.sql", "SELECT 9;");
        project.Write("early/2.sql", "SELECT 2;");
        project.Write("early/1.sql", "SELECT 1;");

        var set = MigrationSources.Read([project.PathOf("early"), late, project.PathOf("early/1.sql")],
            new MigrationSourceOptions { DisplayRoot = project.Root });

        Assert.Equal(["early/1.sql", "early/2.sql", "late/9.sql"], set.Files.Select(f => f.DisplayPath));
    }

    [Fact]
    public void NestedFolders_AreNotedNotRead()
    {
        using var project = new TempProject();
        project.Write("sql/1.sql", "SELECT 1;");
        project.Write("sql/archive/0.sql", "SELECT 0;");

        var set = MigrationSources.Read(project.PathOf("sql"));

        Assert.Single(set.Files);
        Assert.Contains(set.Notes, n => n.Message.Contains("archive", StringComparison.Ordinal));
    }
}
