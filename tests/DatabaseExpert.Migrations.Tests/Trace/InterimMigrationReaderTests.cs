using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class InterimMigrationReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dbx-trace-reader-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Drizzle_project_is_read_in_journal_order_from_the_configured_out_folder()
    {
        Write("drizzle.config.ts", "export default defineConfig({ dialect: 'postgresql', out: './db/migrations' });");
        Write("db/migrations/meta/_journal.json", """{"entries":[{"idx":0,"tag":"0001_b"},{"idx":1,"tag":"0000_a"},{"idx":2,"tag":"0002_gone"}]}""");
        Write("db/migrations/0000_a.sql", "CREATE TABLE a (id int);");
        Write("db/migrations/0001_b.sql", "CREATE TABLE b (id int);");

        var set = InterimMigrationReader.Read(".", _root);

        Assert.Equal(MigrationFormat.Drizzle, set.Format);
        Assert.Equal(["0001_b", "0000_a"], set.Files.Select(f => f.Id));
        Assert.Equal(Path.Combine("db", "migrations", "0001_b.sql"), set.Files[0].DisplayPath);
        Assert.All(set.Files, f => Assert.True(f.RunsInTransaction));
        Assert.Contains(set.Notes, n => n.Message.Contains("0002_gone.sql is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Folder_of_sql_files_is_read_in_name_order()
    {
        Write("m/002_second.sql", "SELECT 2;");
        Write("m/001_first.sql", "SELECT 1;");

        var set = InterimMigrationReader.Read("m", _root);

        Assert.Equal(MigrationFormat.PlainSql, set.Format);
        Assert.Equal(["001_first", "002_second"], set.Files.Select(f => f.Id));
    }

    [Fact]
    public void Missing_path_and_empty_folder_get_clear_errors()
    {
        Directory.CreateDirectory(Path.Combine(_root, "empty"));

        Assert.Contains("no such file or folder", Assert.Throws<MigrationSourceException>(() => InterimMigrationReader.Read("nope", _root)).Message, StringComparison.Ordinal);
        Assert.Contains("no .sql files", Assert.Throws<MigrationSourceException>(() => InterimMigrationReader.Read("empty", _root)).Message, StringComparison.Ordinal);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
