using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Tests.Sources;

public sealed class DbmateReaderTests
{
    [Fact]
    public void UpSections_AreRead_WithTheLineTheyStartAt()
    {
        using var project = new TempProject();
        var text = "-- a comment before\n\n-- migrate:up\nCREATE TABLE t (a int);\n\n-- migrate:down\nDROP TABLE t;\n";
        project.Write("db/migrations/20240101000000_create.sql", text);

        var migration = Assert.Single(MigrationSources.Read(project.Root).Files);

        Assert.Equal(MigrationFormat.Dbmate, migration.Format);
        Assert.DoesNotContain("DROP TABLE", migration.Text, StringComparison.Ordinal);
        var statement = Assert.Single(SqlScript.Parse(migration.Text).Statements);
        var fileLine = migration.FirstLine + statement.Start.Line - 1;
        Assert.StartsWith("CREATE TABLE", text.Split('\n')[fileLine - 1], StringComparison.Ordinal);
        Assert.True(migration.RunsInTransaction);
    }

    [Fact]
    public void TransactionFalse_LeavesOnlyPostgresImplicitTransaction()
    {
        using var project = new TempProject();
        project.Write("db/migrations/1_one.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:down\nDROP INDEX i;\n");
        project.Write("db/migrations/2_two.sql", "-- migrate:up transaction:false\nSELECT 1;\nSELECT 2;\n-- migrate:down\n");

        var set = MigrationSources.Read(project.Root);

        Assert.Equal([false, true], set.Files.Select(f => f.RunsInTransaction));
        Assert.Contains("implicit transaction", set.Files[1].TransactionNote, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralSectionsInAFile_AreSeparateMigrations_AndFilesSortByName()
    {
        using var project = new TempProject();
        project.Write("db/migrations/20240102_b.sql", "-- migrate:up\nSELECT 'b';\n-- migrate:down\n");
        project.Write("db/migrations/20240101_a.sql",
            "-- migrate:up\nSELECT 'a1';\n-- migrate:down\nSELECT 0;\n-- migrate:up transaction:false\nSELECT 'a2';\n-- migrate:down\n");

        var set = MigrationSources.Read(project.Root);

        Assert.Equal(["20240101#1", "20240101#2", "20240102"], set.Files.Select(f => f.Id));
        Assert.Equal([1, 5, 1], set.Files.Select(f => f.FirstLine));
        Assert.Equal([true, false, true], set.Files.Select(f => f.RunsInTransaction));
    }

    [Fact]
    public void MissingDown_IsNoted()
    {
        using var project = new TempProject();
        project.Write("db/migrations/1_a.sql", "-- migrate:up\nSELECT 1;\n");

        var set = MigrationSources.Read(project.Root);

        Assert.Single(set.Files);
        Assert.Contains(set.Notes, n => n.Message.Contains("migrate:down", StringComparison.Ordinal));
    }
}
