using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Safety;

namespace DatabaseExpert.Postgres.Tests.Safety;

public sealed class WriteModeTests(SafetyDatabase database) : IClassFixture<SafetyDatabase>
{
    private SafeExecutor Writer => new(database.WritableHandle, new SafeExecutorOptions { AllowWrites = true });

    [Fact]
    public async Task Writes_are_refused_unless_configured()
    {
        var classification = new SafeExecutor(database.WritableHandle).Classify("DELETE FROM victim");

        Assert.Equal(SqlAccess.Refused, classification.Access);
        Assert.Contains("writes are off", classification.Reason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<QueryRefusedException>(() => new SafeExecutor(database.WritableHandle).ExecuteAsync(new QueryRequest("DELETE FROM victim")));
    }

    [Fact]
    public void A_read_only_target_refuses_writes_even_when_they_are_allowed()
    {
        var classification = new SafeExecutor(database.ReadOnlyHandle, new SafeExecutorOptions { AllowWrites = true }).Classify("DELETE FROM victim");

        Assert.Equal(SqlAccess.Refused, classification.Access);
        Assert.Contains("the database test is configured read-only", classification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_without_commit_is_a_dry_run()
    {
        var before = await database.SnapshotAsync();

        var result = await Writer.ExecuteAsync(new QueryRequest("UPDATE victim SET secret = upper(secret) WHERE id <= 2 RETURNING id, secret"));

        Assert.Equal(SqlAccess.Write, result.Access);
        Assert.Equal(2, result.RowsAffected);
        Assert.False(result.Committed);
        Assert.Equal(["ALPHA", "BRAVO"], result.Rows.Select(r => r[1]!.GetValue<string>()).Order());
        Assert.Contains("2 rows affected, rolled back (not committed)", result.ToModelText(), StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_write_commits_only_when_the_request_says_so()
    {
        var classification = Writer.Classify("INSERT INTO victim VALUES (100, 'committed')");
        var result = await Writer.ExecuteAsync(new QueryRequest("INSERT INTO victim VALUES (100, 'committed')") { Commit = true });
        try
        {
            Assert.Equal(SqlAccess.Write, classification.Access);
            Assert.True(result.Committed);
            Assert.Equal(1, result.RowsAffected);
            Assert.Equal("committed", await database.Database.ScalarAsync<string>("SELECT secret FROM victim WHERE id = 100"));
            Assert.Equal(true, result.ToJson()["committed"]?.GetValue<bool>());
        }
        finally
        {
            await database.Database.ExecuteAsync("DELETE FROM victim WHERE id = 100");
        }
    }

    [Fact]
    public async Task Ddl_runs_in_write_mode()
    {
        var result = await Writer.ExecuteAsync(new QueryRequest("CREATE TABLE scratch_notes (id int PRIMARY KEY)") { Commit = true });
        try
        {
            Assert.Equal("CREATE TABLE", result.Command);
            Assert.Null(result.RowsAffected);
            Assert.Equal(1L, await database.Database.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'scratch_notes'"));
        }
        finally
        {
            await database.Database.ExecuteAsync("DROP TABLE IF EXISTS scratch_notes");
        }
    }

    [Fact]
    public async Task Reads_stay_read_only_in_write_mode()
    {
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => Writer.ExecuteAsync(new QueryRequest("SELECT victim_wipe()") { Commit = true }));

        Assert.Equal("25006", error.SqlState);
        Assert.Contains("read-only transaction", error.Message, StringComparison.Ordinal);
        Assert.Equal(3L, await database.Database.ScalarAsync<long>("SELECT count(*) FROM victim"));
    }

    [Fact]
    public async Task A_role_that_defaults_to_read_only_stays_read_only_for_writes()
    {
        var role = $"dbx_ro_{Guid.NewGuid():N}"[..20];
        await database.Database.ExecuteAsync($"""
            CREATE ROLE {role} LOGIN PASSWORD 'pw';
            ALTER ROLE {role} SET default_transaction_read_only = on;
            GRANT ALL ON victim TO {role};
            """);
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.Database.ConnectionString) { Username = role, Password = "pw", Pooling = false };
            await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("ro-role", builder.ConnectionString, ReadOnly: false));

            var error = await Assert.ThrowsAsync<QueryFailedException>(
                () => new SafeExecutor(handle, new SafeExecutorOptions { AllowWrites = true }).ExecuteAsync(new QueryRequest("DELETE FROM victim") { Commit = true }));

            Assert.Equal("25006", error.SqlState);
            Assert.Equal(3L, await database.Database.ScalarAsync<long>("SELECT count(*) FROM victim"));
        }
        finally
        {
            await database.Database.ExecuteAsync($"REVOKE ALL ON victim FROM {role}; DROP ROLE {role}");
        }
    }
}
