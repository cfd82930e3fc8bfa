using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Migrations.Trace.Rules;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Testing.Postgres;
using static DatabaseExpert.Migrations.Tests.Trace.TraceHarness;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Trace;

/// <summary>Tracing on a real database: one transaction, always rolled back, only with consent.</summary>
public sealed class IsolationTraceTests
{
    [Fact]
    public async Task Real_database_trace_measures_locks_and_leaves_nothing_behind()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("trace_real");
        await database.ExecuteAsync(Tables + Rows);

        var result = await new MigrationTracer().TraceAsync(
            new TraceRequest
            {
                Database = new DatabaseTarget("real", database.ConnectionString, ReadOnly: true),
                AllowLocksOnDatabase = true,
                Targets =
                [
                    Migration("0001_type.sql", "BEGIN;\nALTER TABLE child ALTER COLUMN price TYPE bigint;\nCOMMIT;"),
                    Migration("0002_index.sql", "CREATE INDEX CONCURRENTLY child_code_idx ON child (code);", inTransaction: false),
                ],
            },
            CancellationToken.None);

        Assert.Equal(TraceIsolation.RollBackEverything, result.Isolation);
        var type = result.Statement("ALTER TABLE");
        Assert.Contains(LockMode.AccessExclusive, type.LocksOn("child"));
        Assert.Contains(type.Rewrites, r => r.Relation == "child");
        Assert.Contains(TraceRuleIds.TableRewrite, result.Rules());
        Assert.Equal(StatementOutcome.Skipped, result.Statement("BEGIN").Outcome);
        Assert.Equal(StatementOutcome.Skipped, result.Statement("CREATE INDEX").Outcome);
        Assert.Contains(result.Notes, n => n.File == "0002_index.sql" && n.Message.Contains("cannot run inside a transaction", StringComparison.Ordinal));

        Assert.Equal("integer", await database.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'child' AND column_name = 'price'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'child_code_idx'"));
    }

    [Fact]
    public async Task Real_database_is_refused_without_consent_to_take_locks()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("trace_refused");

        var error = await Assert.ThrowsAsync<TraceConfigurationException>(() => new MigrationTracer().TraceAsync(
            new TraceRequest
            {
                Database = new DatabaseTarget("prod", database.ConnectionString, ReadOnly: false),
                Targets = [Migration("0001.sql", "CREATE TABLE x (id int);")],
            },
            CancellationToken.None));

        Assert.Contains("--allow-locks-on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_without_targets_is_refused()
    {
        var error = await Assert.ThrowsAsync<TraceConfigurationException>(() => new MigrationTracer().TraceAsync(new TraceRequest { Targets = [] }, CancellationToken.None));

        Assert.Contains("nothing to trace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transaction_control_inside_a_migration_is_followed_on_a_throwaway_database()
    {
        var result = await TraceAsync(Migration(
            "0001_explicit.sql", "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE child ADD COLUMN note text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY child_note_idx ON child (note);", inTransaction: false));

        Assert.True(result.Files[0].Applied);
        Assert.True(result.Statement("ALTER TABLE").InTransaction);
        Assert.Equal("2s", result.Statement("ALTER TABLE").LockTimeout);
        Assert.False(result.Statement("CREATE INDEX").InTransaction);
        Assert.Empty(result.Findings);
    }
}
