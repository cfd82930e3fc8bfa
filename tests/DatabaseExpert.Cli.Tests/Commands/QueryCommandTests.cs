using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Commands;

public sealed class QueryCommandTests(QueryCommandTests.ItemsDatabase items) : IClassFixture<QueryCommandTests.ItemsDatabase>, IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.CreateEmpty();

    public void Dispose() => _workspace.Dispose();

    private Task<DbxResult> RunAsync(string[] args, string? stdin = null) =>
        DbxRunner.RunAsync(["query", "--db", items.Database.Url, .. args], _workspace.Options(stdin: stdin));

    [Fact]
    public async Task Text_output_is_an_aligned_table_with_a_count()
    {
        var result = await RunAsync(["--sql", "SELECT id, name, price, note FROM items ORDER BY id LIMIT 3"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("id | name   | price | note", lines[0]);
        Assert.Equal("---+--------+-------+-------------------", lines[1]);
        Assert.Equal(" 1 | apple  |  0.50 | NULL", lines[2]);
        Assert.Equal(" 2 | banana |  1.25 | line one\\nline two", lines[3]);
        Assert.StartsWith("(3 rows, ", lines[5], StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Json_output_has_the_documented_shape()
    {
        var result = await RunAsync(["--sql", "SELECT id, name FROM items ORDER BY id", "--format", "json", "--max-rows", "2"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("""[{"name":"id","type":"integer"},{"name":"name","type":"text"}]""", JsonSerializer.Serialize(root.GetProperty("columns")));
        Assert.Equal("""[[1,"apple"],[2,"banana"]]""", JsonSerializer.Serialize(root.GetProperty("rows")));
        Assert.Equal(2, root.GetProperty("rowCount").GetInt32());
        Assert.True(root.GetProperty("truncated").GetBoolean());
        Assert.True(root.GetProperty("durationMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task A_truncated_table_says_so()
    {
        var result = await RunAsync(["--sql", "SELECT id FROM items", "--max-rows", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(1 row shown, truncated: more rows exist; raise --max-rows (now 1)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_can_come_from_stdin()
    {
        var result = await RunAsync(["--sql", "-", "--format", "json"], stdin: "-- from a pipe\nSELECT count(*) AS n FROM items;\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(4, json.RootElement.GetProperty("rows")[0][0].GetInt64());
    }

    [Fact]
    public async Task Sql_can_come_from_a_file()
    {
        _workspace.Write("report.sql", "/* weekly report */\nSELECT name\nFROM items\nWHERE price > 1\nORDER BY name;\n");

        var result = await RunAsync(["--file", "report.sql", "--format", "json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("""[["banana"],["cherry"]]""", JsonSerializer.Serialize(json.RootElement.GetProperty("rows")));
    }

    [Fact]
    public async Task The_reference_server_attack_is_refused_with_exit_2_and_nothing_changes()
    {
        var result = await RunAsync(["--sql", "COMMIT; DROP TABLE items;"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dbx: sql:1:9: refused: 2 statements found (the second, DROP TABLE, starts at 1:9); dbx runs exactly one statement per call: send them one at a time", result.StderrLines.Single());
        Assert.Empty(result.Stdout);
        Assert.Equal(4L, await items.Database.ScalarAsync<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Refusals_from_a_file_name_the_file_line_and_column()
    {
        _workspace.Write("sneaky.sql", "-- looks harmless\n\nSELECT * FROM pg_read_file('/etc/passwd');\n");

        var result = await RunAsync(["--file", "sneaky.sql"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dbx: sneaky.sql:3:15: refused: pg_read_file() reads or writes files on the database server", result.StderrLines.Single());
    }

    [Fact]
    public async Task Writes_are_refused_because_query_is_read_only()
    {
        var result = await RunAsync(["--sql", "DELETE FROM items"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refused: DELETE changes the database; dbx query is read-only", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(4L, await items.Database.ScalarAsync<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Server_errors_exit_3_with_message_and_position()
    {
        var result = await RunAsync(["--sql", "SELECT id,\n       nme\nFROM items"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("dbx: query failed: column \"nme\" does not exist (SQLSTATE 42703) at line 2, column 8; hint: Perhaps you meant to reference the column \"items.name\".",
            result.StderrLines.Single());
    }

    [Fact]
    public async Task Server_errors_in_a_file_name_the_file()
    {
        _workspace.Write("broken.sql", "SELECT 1 +;");

        var result = await RunAsync(["--file", "broken.sql"]);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("dbx: query failed in broken.sql: syntax error at end of input (SQLSTATE 42601) at line 1, column 11", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_statement_ends_at_the_timeout_with_exit_3()
    {
        var result = await RunAsync(["--sql", "SELECT pg_sleep(20)", "--timeout", "0.5"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ran longer than the 500 ms statement timeout", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_exits_3()
    {
        var result = await DbxRunner.RunAsync(
            ["query", "--db", "postgres://nobody:secret-pw@127.0.0.1:1/none", "--sql", "SELECT 1"], _workspace.Options());

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot connect to", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no SQL given: use --sql")]
    [InlineData(new[] { "--sql", "SELECT 1", "--file", "x.sql" }, "give the SQL once")]
    [InlineData(new[] { "--file", "missing.sql" }, "--file missing.sql: no such file")]
    [InlineData(new[] { "--sql", "SELECT 1", "--max-rows", "-1" }, "--max-rows -1 is out of range")]
    [InlineData(new[] { "--sql", "SELECT 1", "--timeout", "0" }, "--timeout 0 is out of range")]
    [InlineData(new[] { "--sql", "SELECT 1", "--format", "xml" }, "--format 'xml' is not supported")]
    public async Task Usage_errors_exit_2(string[] args, string message)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A small table with the cases the renderer must handle: NULL, a line break, numerics.</summary>
    public sealed class ItemsDatabase : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Database = await PostgresServer.CreateDatabaseAsync("query_cli");
            await Database.ExecuteAsync("""
                CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, price numeric(6,2) NOT NULL, note text);
                INSERT INTO items VALUES (1, 'apple', 0.5, NULL), (2, 'banana', 1.25, E'line one\nline two'),
                                         (3, 'cherry', 12, 'ripe'), (4, 'date', 0.75, NULL);
                """);
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }
}
