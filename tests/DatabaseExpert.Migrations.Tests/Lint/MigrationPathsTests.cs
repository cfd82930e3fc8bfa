using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Lint;

public sealed class MigrationPathsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dbx-lint-paths-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_drizzle_config_points_at_the_journal_which_sets_the_order()
    {
        Write("drizzle.config.ts", "export default defineConfig({ dialect: 'postgresql', out: \"./db/migrations\" });");
        Write("db/migrations/meta/_journal.json", """{"entries":[{"idx":0,"tag":"0001_b"},{"idx":1,"tag":"0000_a"},{"idx":2,"tag":"0002_gone"}]}""");
        Write("db/migrations/0000_a.sql", "SELECT 1;");
        Write("db/migrations/0001_b.sql", "SELECT 2;");
        Write("queries/report.sql", "SELECT 3;");

        var set = MigrationPaths.Read(["."], _root);

        Assert.Equal(MigrationFormat.Drizzle, set.Format);
        Assert.Equal(["0001_b", "0000_a"], set.Files.Select(f => f.Id));
        Assert.Equal("db/migrations/0001_b.sql", set.Files[0].DisplayPath);
        var note = Assert.Single(set.Notes);
        Assert.Equal(Severity.Error, note.Severity);
        Assert.Contains("0002_gone.sql is missing", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_folder_is_its_sql_files_in_path_order_outside_a_transaction()
    {
        Write("b/2.sql", "SELECT 2;");
        Write("a/9.sql", "SELECT 1;");
        Write("node_modules/x/1.sql", "SELECT 0;");
        Write("readme.md", "no");

        var set = MigrationPaths.Read([_root], _root);

        Assert.Equal(["a/9.sql", "b/2.sql"], set.Files.Select(f => f.DisplayPath));
        Assert.All(set.Files, f => Assert.False(f.RunsInTransaction));
    }

    [Fact]
    public void Files_and_folders_can_be_mixed_and_paths_outside_stay_absolute()
    {
        var file = Write("one.sql", "SELECT 1;");

        var set = MigrationPaths.Read([file], Path.Combine(_root, "elsewhere"));

        Assert.Equal(file, Assert.Single(set.Files).DisplayPath);
    }

    [Fact]
    public void A_missing_path_is_an_error_naming_it()
    {
        var error = Assert.Throws<MigrationSourceException>(() => MigrationPaths.Read(["nope/0001.sql"], _root));

        Assert.Equal("nope/0001.sql: no such file or folder", error.Message);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
