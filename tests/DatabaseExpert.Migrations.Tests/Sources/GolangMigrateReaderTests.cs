using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Sources;

public sealed class GolangMigrateReaderTests
{
    [Fact]
    public void UpFiles_AreReadInNumericOrder_DownFilesAreNot()
    {
        using var project = new TempProject();
        project.Write("migrations/10_ten.up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
        project.Write("migrations/10_ten.down.sql", "DROP INDEX i;");
        project.Write("migrations/9_nine.up.sql", "CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);");
        project.Write("migrations/9_nine.down.sql", "DROP TABLE t;");

        var set = MigrationSources.Read(project.Root);

        Assert.Equal(MigrationFormat.GolangMigrate, set.Format);
        Assert.Equal(["9", "10"], set.Files.Select(f => f.Id));
        Assert.DoesNotContain(set.Files, f => f.Path.EndsWith(".down.sql", StringComparison.Ordinal));
        Assert.Equal([true, false], set.Files.Select(f => f.RunsInTransaction));
        Assert.Contains("x-multi-statement", set.Files[0].TransactionNote, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateVersions_AreAnError()
    {
        using var project = new TempProject();
        project.Write("1_a.up.sql", "SELECT 1;");
        project.Write("001_b.up.sql", "SELECT 2;");

        var set = MigrationSources.Read(project.Root);

        Assert.Contains(set.Notes, n => n.Severity == Severity.Error && n.Message.Contains("more than one up file", StringComparison.Ordinal));
    }
}
