using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Tests.Analysis;

public sealed class MigrationContextTests
{
    [Fact]
    public void Tracks_explicit_transactions()
    {
        var states = Walk("SELECT 1; BEGIN; SELECT 2; COMMIT; SELECT 3", inTransaction: false);

        Assert.Equal([false, false, true, true, false], states.Select(s => s.InTransaction));
        Assert.Equal([false, false, true, true, false], states.Select(s => s.Explicit));
    }

    [Fact]
    public void A_tool_transaction_is_open_from_the_start_until_a_commit_ends_it()
    {
        var states = Walk("SELECT 1; COMMIT; SELECT 2", inTransaction: true);

        Assert.Equal([true, true, false], states.Select(s => s.InTransaction));
    }

    [Fact]
    public void Set_local_lasts_until_the_transaction_ends()
    {
        var states = Walk("BEGIN; SET LOCAL lock_timeout = '5s'; SELECT 1; COMMIT; SELECT 2", inTransaction: false);

        Assert.Equal([false, false, true, true, false], states.Select(s => s.LockTimeout));
    }

    [Fact]
    public void Set_local_outside_a_transaction_is_remembered_as_ineffective()
    {
        var context = Context(inTransaction: false);
        foreach (var statement in SqlScript.Parse("SET LOCAL lock_timeout = '5s'; SELECT 1").Statements)
        {
            context.Advance(StatementClassifier.Classify(statement));
        }

        Assert.False(context.LockTimeoutSet);
        Assert.Equal(1, context.IneffectiveLocalTimeout?.Position.Line);
    }

    [Theory]
    [InlineData("SET lock_timeout = '5s'", true)]
    [InlineData("SET lock_timeout = 0", false)]
    [InlineData("SET lock_timeout = '0ms'", false)]
    [InlineData("SET lock_timeout TO DEFAULT", false)]
    [InlineData("SET lock_timeout = '5s'; RESET lock_timeout", false)]
    [InlineData("SET lock_timeout = '5s'; RESET ALL", false)]
    [InlineData("SELECT set_config('lock_timeout', '2s', false)", true)]
    [InlineData("SET statement_timeout = '1min'", false)]
    public void Lock_timeout_values(string sql, bool set)
    {
        var context = Context(inTransaction: false);
        foreach (var statement in SqlScript.Parse(sql).Statements)
        {
            context.Advance(StatementClassifier.Classify(statement));
        }

        Assert.Equal(set, context.LockTimeoutSet);
    }

    [Fact]
    public void Objects_created_in_the_migration_are_new_and_renames_follow_them()
    {
        var context = Context(inTransaction: false);
        foreach (var statement in SqlScript.Parse("""
            CREATE TABLE staging (id int);
            ALTER TABLE staging RENAME TO imports;
            ALTER TABLE orders ADD COLUMN note text;
            CREATE INDEX orders_note_idx ON orders (note);
            CREATE TYPE mood AS ENUM ('ok');
            """).Statements)
        {
            context.Advance(StatementClassifier.Classify(statement));
        }

        Assert.True(context.IsNewTable(ObjectName.Of("imports")));
        Assert.True(context.IsNewTable(new ObjectName("public", "staging")));
        Assert.False(context.IsNewTable(ObjectName.Of("orders")));
        Assert.True(context.IsNewColumn(ObjectName.Of("orders"), "note"));
        Assert.False(context.IsNewColumn(ObjectName.Of("orders"), "total"));
        Assert.True(context.IsNewIndex(ObjectName.Of("orders_note_idx")));
        Assert.True(context.IsNewType(ObjectName.Of("mood")));
    }

    [Fact]
    public void The_known_schema_carries_column_types_across_files()
    {
        var schema = new KnownSchema();
        var first = Context(inTransaction: false, schema);
        foreach (var statement in SqlScript.Parse("CREATE TABLE t (a int, b varchar(5)); ALTER TABLE t RENAME COLUMN b TO c").Statements)
        {
            first.Advance(StatementClassifier.Classify(statement));
        }

        var second = Context(inTransaction: false, schema);

        Assert.Equal("integer", second.ColumnTypeBefore(ObjectName.Of("t"), "a")?.Name);
        Assert.Equal("varchar(5)", second.ColumnTypeBefore(ObjectName.Of("t"), "c")?.Text);
        Assert.Null(second.ColumnTypeBefore(ObjectName.Of("t"), "b"));
        Assert.False(second.IsNewTable(ObjectName.Of("t")));
    }

    private static List<(bool InTransaction, bool Explicit, bool LockTimeout)> Walk(string sql, bool inTransaction)
    {
        var context = Context(inTransaction);
        var states = new List<(bool, bool, bool)>();
        foreach (var statement in SqlScript.Parse(sql).Statements)
        {
            states.Add((context.InTransaction, context.InExplicitTransaction, context.LockTimeoutSet));
            context.Advance(StatementClassifier.Classify(statement));
        }

        return states;
    }

    private static MigrationContext Context(bool inTransaction, KnownSchema? schema = null) =>
        new(new MigrationFile("/m.sql", "m.sql", "m", string.Empty, MigrationFormat.PlainSql, inTransaction), schema ?? new KnownSchema(), new AnalysisSettings());
}
