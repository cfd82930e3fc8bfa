using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Safety;

namespace DatabaseExpert.Postgres.Tests.Safety;

/// <summary>
/// SQL that tries to escape the read-only guard, each with what must happen (refused before execution, failed on the
/// server, or ran harmlessly) and proof that the database is unchanged afterwards. The first two rows are the attacks
/// that broke the reference MCP server (<c>COMMIT; DROP TABLE</c>) and postgres-mcp (<c>pg_read_file</c> in FROM).
/// </summary>
public sealed class AttackTests(SafetyDatabase database) : IClassFixture<SafetyDatabase>
{
    private const string CopyTarget = "/tmp/dbx-attack-copy.txt";
    private const string ProgramTarget = "/tmp/dbx-attack-program.txt";

    /// <summary>(name, SQL, expectation): "refused: reason fragment", "fails: SQLSTATE", or "runs".</summary>
    public static TheoryData<string, string, string> Attacks() => new()
    {
        { "reference MCP server bypass", "COMMIT; DROP TABLE victim;", "refused: 2 statements found" },
        { "postgres-mcp bypass: pg_read_file in FROM", "SELECT * FROM pg_read_file('/etc/passwd')", "refused: pg_read_file() reads or writes files" },
        { "ROLLBACK then drop", "ROLLBACK; DROP TABLE victim", "refused: 2 statements found" },
        { "END then delete", "END; DELETE FROM victim", "refused: 2 statements found" },
        { "transaction of its own", "BEGIN; DELETE FROM victim; COMMIT;", "refused: 3 statements found" },
        { "query then drop", "SELECT 1; DROP TABLE victim", "refused: 2 statements found" },
        { "TABLE then drop", "TABLE victim; DROP TABLE victim", "refused: 2 statements found" },
        { "semicolon after a block comment", "SELECT 1 /* ; */; DELETE FROM victim", "refused: 2 statements found" },
        { "semicolon after a dollar quote", "SELECT $$;$$; DELETE FROM victim", "refused: 2 statements found" },
        { "semicolon after a line comment", "SELECT 1 -- ;\n; TRUNCATE victim", "refused: 2 statements found" },
        { "plain string ending in a backslash", @"SELECT '\';DELETE FROM victim;--'", "refused: 2 statements found" },
        { "E-string escaped quote hides a statement in text", @"SELECT E'\';DELETE FROM victim;--'", "runs" },
        { "comment hides a drop", "SELECT 1 /* ; DROP TABLE victim */", "runs" },
        { "unterminated comment", "SELECT 1; /* DROP TABLE victim", "refused: malformed" },
        { "psql \\gexec", "SELECT 'DROP TABLE victim' \\gexec", "refused: psql meta-command" },
        { "psql \\g", "DELETE FROM victim \\g", "refused: psql meta-command" },
        { "writable CTE", "WITH d AS (DELETE FROM victim RETURNING *) SELECT count(*) FROM d", "refused: contains DELETE" },
        { "writable CTE, materialized update", "WITH u AS MATERIALIZED (UPDATE victim SET secret = 'x' RETURNING 1) SELECT 1", "refused: contains UPDATE" },
        { "EXPLAIN ANALYZE DELETE", "EXPLAIN ANALYZE DELETE FROM victim", "refused: EXPLAIN ANALYZE executes the DELETE" },
        { "EXPLAIN (ANALYZE) UPDATE", "EXPLAIN (ANALYZE, BUFFERS) UPDATE victim SET secret = 'x'", "refused: EXPLAIN ANALYZE executes the UPDATE" },
        { "volatile function that deletes", "SELECT victim_wipe()", "fails: 25006" },
        { "volatile function in FROM", "SELECT * FROM victim_wipe()", "fails: 25006" },
        { "EXPLAIN ANALYZE of a writing function", "EXPLAIN ANALYZE SELECT victim_wipe()", "fails: 25006" },
        { "DO block", "DO $$ BEGIN DELETE FROM victim; END $$", "refused: DO runs an anonymous procedural block" },
        { "CALL", "CALL victim_proc()", "refused: CALL runs a procedure" },
        { "SET TRANSACTION READ WRITE", "SET TRANSACTION READ WRITE", "refused: changes the transaction mode" },
        { "SET SESSION CHARACTERISTICS", "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "refused: changes the transaction mode" },
        { "read-only off", "SET default_transaction_read_only = off", "refused: SET changes settings" },
        { "timeout off", "SET statement_timeout = 0", "refused: SET changes settings" },
        { "SET ROLE", "SET ROLE postgres", "refused: changes the role" },
        { "SET SESSION AUTHORIZATION", "SET SESSION AUTHORIZATION DEFAULT", "refused: changes the role" },
        { "RESET", "RESET ALL", "refused: RESET changes session settings" },
        { "set_config read-write", "SELECT set_config('transaction_read_only', 'off', true)", "refused: set_config() changes settings" },
        { "set_config timeout", "SELECT set_config('statement_timeout', '0', true)", "refused: set_config()" },
        { "nextval", "SELECT nextval('invoice_number_seq')", "refused: nextval() advances or sets a sequence" },
        { "setval", "SELECT setval('invoice_number_seq', 1)", "refused: setval()" },
        { "temporary table", "CREATE TEMP TABLE stolen AS SELECT * FROM victim", "refused: writes are off" },
        { "SELECT INTO", "SELECT * INTO stolen FROM victim", "refused: SELECT … INTO creates a table" },
        { "LISTEN", "LISTEN dbx_channel", "refused: notification channels" },
        { "NOTIFY", "NOTIFY dbx_channel, 'x'", "refused: notification channels" },
        { "pg_notify", "SELECT pg_notify('dbx_channel', 'x')", "refused: pg_notify()" },
        { "PREPARE", "PREPARE wipe AS DELETE FROM victim", "refused: prepared statements" },
        { "EXECUTE", "EXECUTE wipe", "refused: prepared statements" },
        { "COPY TO PROGRAM", $"COPY victim TO PROGRAM 'cat > {ProgramTarget}'", "refused: COPY … PROGRAM runs a program" },
        { "COPY TO file", $"COPY victim TO '{CopyTarget}'", "refused: COPY … TO/FROM a file" },
        { "COPY FROM file", "COPY victim FROM '/etc/hostname'", "refused: COPY … TO/FROM a file" },
        { "lo_import", "SELECT lo_import('/etc/hostname')", "refused: lo_import() reads or writes files" },
        { "lo_export", $"SELECT lo_export(1, '{CopyTarget}')", "refused: lo_export()" },
        { "lo_from_bytea", "SELECT lo_from_bytea(0, 'x')", "refused: large objects" },
        { "dblink", "SELECT * FROM dblink('dbname=postgres', 'DELETE FROM victim') AS t(x text)", "refused: dblink" },
        { "unicode-escaped name", @"SELECT U&""\0070g_read_file""('/etc/passwd')", "refused: pg_read_file()" },
        { "quoted upper-case name", "SELECT \"PG_READ_FILE\"('/etc/passwd')", "refused: PG_READ_FILE()" },
        { "schema-qualified directory listing", "SELECT * FROM pg_catalog.pg_ls_dir('.')", "refused: pg_ls_dir()" },
        { "quoted schema-qualified stat", "SELECT pg_catalog.\"pg_stat_file\"('postgresql.conf')", "refused: pg_stat_file()" },
        { "file read in a subquery", "SELECT length(x) FROM (SELECT pg_read_binary_file('/etc/passwd') AS x) s", "refused: pg_read_binary_file()" },
        { "SQL in a string", "SELECT query_to_xml('DELETE FROM victim RETURNING 1', true, false, '')", "refused: runs SQL given as a string" },
        { "terminate other sessions", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()", "refused: other sessions" },
        { "session advisory lock", "SELECT pg_advisory_lock(42)", "refused: advisory locks" },
        { "advisory lock in a lateral join", "SELECT * FROM victim, LATERAL (SELECT pg_try_advisory_lock(id)) l", "refused: advisory locks" },
        { "LOCK TABLE", "LOCK TABLE victim IN ACCESS EXCLUSIVE MODE", "refused: LOCK TABLE" },
        { "row locks", "SELECT * FROM victim FOR UPDATE", "refused: FOR UPDATE/SHARE locks rows" },
        { "ALTER SYSTEM", "ALTER SYSTEM SET work_mem = '1GB'", "refused: configuration file" },
        { "CREATE EXTENSION", "CREATE EXTENSION IF NOT EXISTS pgcrypto", "refused: writes are off" },
        { "GRANT", "GRANT ALL ON victim TO PUBLIC", "refused: writes are off" },
        { "CREATE ROLE", "CREATE ROLE intruder SUPERUSER LOGIN", "refused: writes are off" },
        { "DROP TABLE", "DROP TABLE victim", "refused: writes are off" },
        { "TRUNCATE", "TRUNCATE victim", "refused: writes are off" },
        { "DELETE", "DELETE FROM victim", "refused: writes are off" },
        { "MERGE", "MERGE INTO victim v USING (SELECT 1 AS id) s ON v.id = s.id WHEN MATCHED THEN DELETE", "refused: writes are off" },
        { "ANALYZE", "ANALYZE victim", "refused: writes are off" },
        { "VACUUM FULL", "VACUUM FULL victim", "refused: VACUUM cannot run inside a transaction block" },
        { "CHECKPOINT", "CHECKPOINT", "refused: server-wide checkpoint" },
        { "DISCARD", "DISCARD ALL", "refused: DISCARD" },
        { "LOAD", "LOAD 'auto_explain'", "refused: shared library" },
        { "CREATE INDEX CONCURRENTLY", "CREATE INDEX CONCURRENTLY ON victim (secret)", "refused: cannot run inside a transaction block" },
        { "hypothetical index", "SELECT hypopg_create_index('CREATE INDEX ON victim (secret)')", "refused: hypothetical indexes" },
        { "statistics reset", "SELECT pg_stat_reset()", "refused: resets statistics" },
        { "runaway recursion ends at the timeout", "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n FROM r) SELECT count(*) FROM r", "fails: 57014" },
        { "sleep ends at the timeout", "SELECT pg_sleep(30)", "fails: 57014" },
        { "parameter placeholder", "DELETE FROM victim WHERE id = $1", "refused: $1 is a parameter" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Attack_changes_nothing(string name, string sql, string expectation)
    {
        var executor = new SafeExecutor(database.ReadOnlyHandle, new SafeExecutorOptions { StatementTimeout = TimeSpan.FromSeconds(1) });

        var error = await Record.ExceptionAsync(() => executor.ExecuteAsync(new QueryRequest(sql)));

        AssertOutcome(name, expectation, error);
        Assert.Equal(database.Baseline, await database.SnapshotAsync());
        Assert.False(File.Exists(CopyTarget), $"{name}: {CopyTarget} was written");
        Assert.False(File.Exists(ProgramTarget), $"{name}: {ProgramTarget} was written");
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Refusals_happen_before_any_connection(string name, string sql, string expectation)
    {
        // Nothing listens on port 1: a refusal that needed the server would surface as DatabaseUnavailableException.
        await using var nowhere = await DatabaseHandle.OpenAsync(
            new DatabaseTarget("nowhere", "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=1", ReadOnly: true));
        var executor = new SafeExecutor(nowhere);

        var error = await Record.ExceptionAsync(() => executor.ExecuteAsync(new QueryRequest(sql)));

        if (expectation.StartsWith("refused:", StringComparison.Ordinal))
        {
            AssertOutcome(name, expectation, error);
        }
        else
        {
            Assert.True(error is DatabaseUnavailableException, $"{name}: {error}");
        }
    }

    [Fact]
    public void The_table_holds_at_least_forty_attacks() => Assert.True(Attacks().Count >= 40);

    private static void AssertOutcome(string name, string expectation, Exception? error)
    {
        var (kind, detail) = expectation.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? (expectation[..colon], expectation[(colon + 1)..].Trim())
            : (expectation, "");
        switch (kind)
        {
            case "refused":
                var refused = Assert.IsType<QueryRefusedException>(error, exactMatch: true);
                Assert.True(refused.Message.Contains(detail, StringComparison.Ordinal), $"{name}: '{refused.Message}' does not say '{detail}'");
                break;
            case "fails":
                var failed = Assert.IsType<QueryFailedException>(error, exactMatch: true);
                Assert.True(failed.SqlState == detail, $"{name}: expected SQLSTATE {detail}, got {failed.Message}");
                break;
            default:
                Assert.True(error is null, $"{name}: {error}");
                break;
        }
    }
}
