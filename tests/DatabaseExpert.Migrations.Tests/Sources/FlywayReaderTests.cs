using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Sources;

public sealed class FlywayReaderTests
{
    [Fact]
    public void Versions_CompareNumericallyByPart_RepeatablesComeLast_UndoIsIgnored()
    {
        using var project = new TempProject();
        foreach (var name in new[] { "R__views.sql", "V1.10__ten.sql", "V1.2__two.sql", "V2__two.sql", "V1_1__one.sql", "V1__base.sql", "U2__undo.sql", "R__a_functions.sql" })
        {
            project.Write($"src/main/resources/db/migration/{name}", "SELECT 1;");
        }

        var set = MigrationSources.Read(project.Root);

        Assert.Equal(MigrationFormat.Flyway, set.Format);
        Assert.Equal(["1", "1.1", "1.2", "1.10", "2", "R:a_functions", "R:views"], set.Files.Select(f => f.Id));
        Assert.Contains(set.Notes, n => n.Message.Contains("U2__undo.sql", StringComparison.Ordinal));
    }

    [Fact]
    public void EachMigration_RunsInItsOwnTransaction_UnlessAStatementCannot()
    {
        using var project = new TempProject();
        project.Write("sql/V1__table.sql", "CREATE TABLE t (a int);\nCREATE TABLE u (b int);");
        project.Write("sql/V2__index.sql", "CREATE INDEX CONCURRENTLY t_a ON t (a);");
        project.Write("sql/V3__mixed.sql", "CREATE TABLE v (c int);\nCREATE INDEX CONCURRENTLY v_c ON v (c);");
        project.Write("sql/V4__opt_out.sql", "-- flyway:executeInTransaction=false\nUPDATE t SET a = 1;");
        project.Write("sql/V5__conf.sql", "UPDATE t SET a = 2;");
        project.Write("sql/V5__conf.sql.conf", "executeInTransaction=false\n");

        var set = MigrationSources.Read(project.Root);

        Assert.Equal([true, false, false, false, false], set.Files.Select(f => f.RunsInTransaction));
        var mixed = Assert.Single(set.Notes, n => n.Severity == Severity.Warning);
        Assert.Equal(("sql/V3__mixed.sql", 2), (mixed.File, mixed.Line));
    }

    [Fact]
    public void ConfiguredLocations_AreRead()
    {
        using var project = new TempProject();
        project.Write("flyway.toml", "[flyway]\nlocations = [\"filesystem:database/changes\"]\nmixed = true\n");
        project.Write("database/changes/2024/V1__a.sql", "SELECT 1;");
        project.Write("sql/V9__not_configured.sql", "SELECT 9;");

        var set = MigrationSources.Read(project.Root);

        Assert.Equal(["database/changes/2024/V1__a.sql"], set.Files.Select(f => f.DisplayPath));
    }

    [Fact]
    public void DuplicateVersions_AreAnError()
    {
        using var project = new TempProject();
        project.Write("sql/V1__a.sql", "SELECT 1;");
        project.Write("sql/V1.0__b.sql", "SELECT 2;");

        var set = MigrationSources.Read(project.Root);

        Assert.Contains(set.Notes, n => n.Severity == Severity.Error && n.Message.Contains("same version", StringComparison.Ordinal));
    }
}
