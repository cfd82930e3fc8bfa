using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Migrations.Trace.Rules;
using static DatabaseExpert.Migrations.Tests.Trace.TraceHarness;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class LockTraceTests
{
    [Fact]
    public async Task Dangerous_lock_without_lock_timeout_is_reported_with_the_measured_mode()
    {
        var result = await TraceAsync(Migration("0001_drop.sql", "ALTER TABLE child DROP COLUMN code;"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Equal("0", statement.LockTimeout);
        var finding = result.Finding(TraceRuleIds.LockWithoutTimeout);
        Assert.Equal("AccessExclusiveLock on child (~20,000 rows); lock_timeout = 0", finding.Evidence);
        Assert.Equal("SET lock_timeout = '5s';\nALTER TABLE child DROP COLUMN code;", finding.SafeRewrite);
        Assert.Contains(statement.ColumnChanges, c => c.Column == "code" && c.Kind == ChangeKind.Dropped);
    }

    [Fact]
    public async Task Lock_timeout_set_earlier_in_the_migration_is_recorded_and_silences_the_finding()
    {
        var result = await TraceAsync(Migration("0001_drop.sql", "SET lock_timeout = '3s';\nSET statement_timeout = '1min';\nALTER TABLE child DROP COLUMN code;"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Equal(("3s", "1min"), (statement.LockTimeout, statement.StatementTimeout));
        Assert.Contains(LockMode.AccessExclusive, statement.LocksOn("child"));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task Statements_after_an_access_exclusive_lock_are_each_reported()
    {
        var result = await TraceAsync(Migration(
            "0001_many.sql",
            "SET lock_timeout = '2s';\nALTER TABLE child ADD COLUMN note text;\nUPDATE child SET note = 'x' WHERE id < 10;\nCREATE INDEX child_note_idx ON child (note);"));

        Assert.Empty(result.Statement("ALTER TABLE").HeldAccessExclusive);
        Assert.Equal(["child"], result.Statement("UPDATE").HeldAccessExclusive);
        Assert.Equal(["child"], result.Statement("CREATE INDEX").HeldAccessExclusive);
        var held = result.Findings.Where(f => f.Rule == TraceRuleIds.AccessExclusiveHeld).ToList();
        Assert.Equal([3, 4], held.Select(f => f.Line));
        Assert.All(held, f => Assert.StartsWith("AccessExclusiveLock on child held since 0001_many.sql:2", f.Evidence, StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_table_with_foreign_keys_and_indexes_has_no_findings()
    {
        var result = await TraceAsync(Migration("0001_new.sql", """
            CREATE TABLE review (id serial PRIMARY KEY, child_id int NOT NULL, body text);
            ALTER TABLE review ADD CONSTRAINT review_child_fk FOREIGN KEY (child_id) REFERENCES child (id);
            CREATE INDEX review_child_idx ON review (child_id);
            ALTER TABLE review ALTER COLUMN body SET NOT NULL;
            CREATE TABLE tag (id int PRIMARY KEY, parent_id int REFERENCES parent (id) UNIQUE);
            """));

        var fk = result.Statement("ALTER TABLE review ADD");
        Assert.Contains(fk.Locks, l => l is { Relation: "child", Mode: LockMode.ShareRowExclusive, Preexisting: true });
        Assert.Contains(fk.Locks, l => l is { Relation: "review", Preexisting: false });
        Assert.Contains("review", result.Statement("CREATE TABLE review").Created);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task Backfill_of_many_rows_inside_the_migration_is_reported()
    {
        var result = await TraceAsync(Migration("0001_backfill.sql", "SET lock_timeout = '2s';\nUPDATE child SET price = price + 1;"));

        var statement = result.Statement("UPDATE");
        Assert.Equal(20_000, statement.RowsAffected);
        Assert.Equal([LockMode.RowExclusive], statement.LocksOn("child"));
        var finding = result.Finding(TraceRuleIds.BulkRowChange);
        Assert.Contains("20,000 rows of child", finding.Message, StringComparison.Ordinal);
    }
}
