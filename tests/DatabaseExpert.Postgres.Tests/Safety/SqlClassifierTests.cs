using DatabaseExpert.Postgres.Safety;

namespace DatabaseExpert.Postgres.Tests.Safety;

public sealed class SqlClassifierTests
{
    [Theory]
    [InlineData("SELECT 1", "SELECT")]
    [InlineData("  -- leading comment\n select * from orders where id = 1;", "SELECT")]
    [InlineData("WITH t AS (SELECT 1) SELECT * FROM t", "WITH")]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r", "WITH")]
    [InlineData("VALUES (1), (2)", "VALUES")]
    [InlineData("TABLE orders", "TABLE")]
    [InlineData("(SELECT 1) UNION (SELECT 2)", "SELECT")]
    [InlineData("SELECT row_number() OVER (PARTITION BY customer_id ORDER BY created_at) FROM orders", "SELECT")]
    [InlineData("SHOW work_mem", "SHOW")]
    [InlineData("EXPLAIN SELECT 1", "EXPLAIN")]
    [InlineData("EXPLAIN DELETE FROM orders", "EXPLAIN")]
    [InlineData("EXPLAIN (ANALYZE false) DELETE FROM orders", "EXPLAIN")]
    [InlineData("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders", "EXPLAIN ANALYZE")]
    [InlineData("EXPLAIN ANALYZE VERBOSE SELECT 1", "EXPLAIN ANALYZE")]
    [InlineData("SELECT pg_sleep(1)", "SELECT")]
    [InlineData("SELECT 'DELETE FROM orders; pg_read_file' AS text_only", "SELECT")]
    [InlineData("SELECT share, \"update\" FROM t", "SELECT")]
    [InlineData("SELECT currval('s'), lastval()", "SELECT")]
    [InlineData(@"SELECT E'\';DELETE FROM victim;--'", "SELECT")]
    public void Reads(string sql, string command)
    {
        var classification = SqlClassifier.Classify(sql);

        Assert.True(classification.Access == SqlAccess.Read, classification.ToString());
        Assert.Equal(command, classification.Command);
        Assert.NotNull(classification.Statement);
    }

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", "INSERT", "INSERT changes the database")]
    [InlineData("update t set a = 1", "UPDATE", "UPDATE changes")]
    [InlineData("DELETE FROM t", "DELETE", "DELETE changes")]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "MERGE", "MERGE changes")]
    [InlineData("TRUNCATE t", "TRUNCATE", "TRUNCATE changes")]
    [InlineData("CREATE TABLE t (a int)", "CREATE TABLE", "CREATE TABLE changes")]
    [InlineData("create temp table t (a int)", "CREATE TEMP", "changes the database")]
    [InlineData("ALTER TABLE t ADD COLUMN b int", "ALTER TABLE", "ALTER TABLE changes")]
    [InlineData("DROP TABLE t", "DROP TABLE", "DROP TABLE changes")]
    [InlineData("CREATE EXTENSION pgcrypto", "CREATE EXTENSION", "changes")]
    [InlineData("GRANT SELECT ON t TO PUBLIC", "GRANT", "GRANT changes")]
    [InlineData("COMMENT ON TABLE t IS 'x'", "COMMENT", "changes")]
    [InlineData("ANALYZE t", "ANALYZE", "changes")]
    [InlineData("REFRESH MATERIALIZED VIEW CONCURRENTLY mv", "REFRESH", "changes")]
    [InlineData("WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d", "WITH", "contains DELETE")]
    [InlineData("WITH d AS MATERIALIZED (insert into t values (1) returning 1) SELECT 1", "WITH", "contains INSERT")]
    [InlineData("SELECT * FROM t FOR UPDATE", "SELECT", "FOR UPDATE/SHARE locks rows")]
    [InlineData("SELECT * FROM t FOR NO KEY UPDATE SKIP LOCKED", "SELECT", "locks rows")]
    [InlineData("SELECT * FROM t FOR KEY SHARE", "SELECT", "locks rows")]
    [InlineData("SELECT * INTO copy FROM t", "SELECT", "SELECT … INTO creates a table")]
    [InlineData("EXPLAIN ANALYZE DELETE FROM t", "EXPLAIN ANALYZE", "EXPLAIN ANALYZE executes the DELETE")]
    [InlineData("EXPLAIN (ANALYZE on, COSTS off) UPDATE t SET a = 1", "EXPLAIN ANALYZE", "executes the UPDATE")]
    [InlineData("explain analyse with d as (delete from t returning 1) select 1", "EXPLAIN ANALYZE", "contains DELETE")]
    public void Writes(string sql, string command, string reason)
    {
        var classification = SqlClassifier.Classify(sql);

        Assert.True(classification.Access == SqlAccess.Write, classification.ToString());
        Assert.Equal(command, classification.Command);
        Assert.Contains(reason, classification.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no SQL statement", null)]
    [InlineData("-- only a comment", "no SQL statement", null)]
    [InlineData("SELECT 1; SELECT 2", "2 statements found (the second, SELECT, starts at 1:11)", "1:11")]
    [InlineData("COMMIT; DROP TABLE victim", "2 statements found", "1:9")]
    [InlineData("SELECT 'unterminated", "malformed: unterminated string constant", "1:8")]
    [InlineData("SELECT 1 /* open", "malformed: unterminated /* comment", "1:10")]
    [InlineData("SELECT 1 \\gexec", "'\\gexec' is a psql meta-command", "1:10")]
    [InlineData("SELECT * FROM t WHERE id = $1", "$1 is a parameter", "1:28")]
    [InlineData("BEGIN", "transaction control", "1:1")]
    [InlineData("start transaction read write", "transaction control", "1:1")]
    [InlineData("COMMIT", "transaction control", "1:1")]
    [InlineData("END", "transaction control", "1:1")]
    [InlineData("ROLLBACK", "transaction control", "1:1")]
    [InlineData("ABORT", "transaction control", "1:1")]
    [InlineData("SAVEPOINT s", "transaction control", "1:1")]
    [InlineData("RELEASE SAVEPOINT s", "transaction control", "1:1")]
    [InlineData("PREPARE TRANSACTION 'x'", "transaction control", "1:1")]
    [InlineData("COMMIT PREPARED 'x'", "transaction control", "1:1")]
    [InlineData("PREPARE p AS SELECT 1", "prepared statements outlive the transaction", "1:1")]
    [InlineData("EXECUTE p", "prepared statements", "1:1")]
    [InlineData("DEALLOCATE ALL", "prepared statements", "1:1")]
    [InlineData("SET ROLE postgres", "changes the role", "1:1")]
    [InlineData("SET SESSION AUTHORIZATION postgres", "changes the role", "1:1")]
    [InlineData("SET TRANSACTION READ WRITE", "changes the transaction mode", "1:1")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "changes the transaction mode", "1:1")]
    [InlineData("SET default_transaction_read_only = off", "SET changes settings", "1:1")]
    [InlineData("set local statement_timeout = 0", "SET changes settings", "1:1")]
    [InlineData("RESET ALL", "RESET changes session settings", "1:1")]
    [InlineData("DISCARD ALL", "DISCARD", "1:1")]
    [InlineData("LOAD 'auto_explain'", "shared library", "1:1")]
    [InlineData("DO $$ BEGIN DELETE FROM t; END $$", "DO runs an anonymous procedural block", "1:1")]
    [InlineData("CALL p()", "CALL runs a procedure", "1:1")]
    [InlineData("LISTEN c", "notification channels", "1:1")]
    [InlineData("NOTIFY c", "notification channels", "1:1")]
    [InlineData("UNLISTEN *", "notification channels", "1:1")]
    [InlineData("VACUUM t", "VACUUM cannot run inside a transaction block", "1:1")]
    [InlineData("CHECKPOINT", "server-wide checkpoint", "1:1")]
    [InlineData("LOCK TABLE t", "LOCK TABLE takes table locks", "1:1")]
    [InlineData("DECLARE c CURSOR FOR SELECT 1", "cursors", "1:1")]
    [InlineData("COPY t TO PROGRAM 'rm -rf /'", "COPY … PROGRAM runs a program", "1:11")]
    [InlineData("COPY t FROM '/etc/passwd'", "COPY … TO/FROM a file", "1:8")]
    [InlineData("COPY (SELECT 1) TO STDOUT", "COPY streams data", "1:1")]
    [InlineData("ALTER SYSTEM SET work_mem = '1GB'", "configuration file", "1:1")]
    [InlineData("CREATE DATABASE x", "CREATE DATABASE cannot run inside a transaction block", "1:1")]
    [InlineData("DROP TABLESPACE x", "cannot run inside a transaction block", "1:1")]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", "CREATE … CONCURRENTLY cannot run inside a transaction block", "1:21")]
    [InlineData("DROP INDEX CONCURRENTLY i", "DROP … CONCURRENTLY", "1:12")]
    [InlineData("REINDEX (VERBOSE) TABLE CONCURRENTLY t", "REINDEX … CONCURRENTLY", "1:25")]
    [InlineData("EXPLAIN ANALYZE COMMIT", "transaction control", "1:17")]
    [InlineData("EXPLAIN", "EXPLAIN needs a statement", "1:1")]
    [InlineData("FOO bar", "FOO is not a statement dbx recognises", "1:1")]
    [InlineData("42", "'42' does not start a statement", "1:1")]
    [InlineData("SELECT * FROM pg_read_file('/etc/passwd')", "pg_read_file() reads or writes files on the database server", "1:15")]
    [InlineData("SELECT pg_read_binary_file('x')", "files on the database server", "1:8")]
    [InlineData("SELECT * FROM pg_catalog.pg_ls_dir('.')", "pg_ls_dir() reads or writes files", "1:26")]
    [InlineData("SELECT pg_ls_waldir()", "files on the database server", "1:8")]
    [InlineData("SELECT pg_stat_file('postgresql.conf')", "files on the database server", "1:8")]
    [InlineData("SELECT pg_file_write('x', 'y', false)", "files on the database server", "1:8")]
    [InlineData("SELECT \"PG_READ_FILE\"('/etc/passwd')", "PG_READ_FILE() reads or writes files", "1:8")]
    [InlineData(@"SELECT U&""\0070g_read_file""('/etc/passwd')", "pg_read_file() reads or writes files", "1:8")]
    [InlineData(@"SELECT U&""!0070g_read_file"" UESCAPE '!' ('/etc/passwd')", "pg_read_file()", "1:8")]
    [InlineData("SELECT \"pg_catalog\".\"pg_read_file\"('/etc/passwd')", "pg_read_file()", "1:21")]
    [InlineData("SELECT x FROM (SELECT pg_read_file('/etc/passwd') AS x) s", "pg_read_file()", "1:23")]
    [InlineData("SELECT lo_import('/etc/hostname')", "lo_import() reads or writes files", "1:8")]
    [InlineData("SELECT lo_export(1, '/tmp/x')", "files on the database server", "1:8")]
    [InlineData("SELECT lo_from_bytea(0, 'x')", "large objects", "1:8")]
    [InlineData("SELECT * FROM dblink('dbname=x', 'DELETE FROM t') AS r(a int)", "opens connections to other databases", "1:15")]
    [InlineData("SELECT dblink_exec('DELETE FROM t')", "dblink", "1:8")]
    [InlineData("SELECT nextval('s')", "nextval() advances or sets a sequence", "1:8")]
    [InlineData("SELECT setval('s', 1)", "sequence", "1:8")]
    [InlineData("SELECT set_config('transaction_read_only', 'off', true)", "set_config() changes settings", "1:8")]
    [InlineData("SELECT pg_advisory_lock(1)", "advisory locks", "1:8")]
    [InlineData("SELECT pg_try_advisory_xact_lock(1)", "advisory locks", "1:8")]
    [InlineData("SELECT pg_terminate_backend(1)", "other sessions", "1:8")]
    [InlineData("SELECT pg_cancel_backend(1)", "other sessions", "1:8")]
    [InlineData("SELECT pg_reload_conf()", "other sessions or on the server", "1:8")]
    [InlineData("SELECT pg_notify('c', 'x')", "other sessions", "1:8")]
    [InlineData("SELECT pg_stat_reset()", "resets statistics", "1:8")]
    [InlineData("SELECT pg_stat_statements_reset()", "resets statistics", "1:8")]
    [InlineData("SELECT * FROM pg_logical_slot_get_changes('s', NULL, NULL)", "replication state", "1:15")]
    [InlineData("SELECT pg_create_logical_replication_slot('s', 'pgoutput')", "replication state", "1:8")]
    [InlineData("SELECT query_to_xml('DELETE FROM t RETURNING 1', true, false, '')", "runs SQL given as a string", "1:8")]
    [InlineData("SELECT ts_stat('SELECT 1')", "runs SQL given as a string", "1:8")]
    [InlineData("SELECT hypopg_create_index('CREATE INDEX ON t (a)')", "hypothetical indexes", "1:8")]
    [InlineData("EXPLAIN SELECT pg_read_file('x')", "pg_read_file()", "1:16")]
    public void Refusals(string sql, string reason, string? position)
    {
        var classification = SqlClassifier.Classify(sql);

        Assert.True(classification.Access == SqlAccess.Refused, classification.ToString());
        Assert.Contains(reason, classification.Reason, StringComparison.Ordinal);
        Assert.Equal(position, classification.Position?.ToString());
    }

    [Fact]
    public void Statement_text_excludes_the_terminator_and_surrounding_comments()
    {
        var classification = SqlClassifier.Classify("/* why */\n  SELECT 1 ;  -- done\n");

        Assert.Equal("SELECT 1", classification.Statement?.Text);
        Assert.Equal("2:3", classification.Statement?.Start.ToString());
    }
}
