using DatabaseExpert.Migrations.Trace.Internal;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class StatementKindsTests
{
    [Theory]
    [InlineData("BEGIN", nameof(StatementKind.Begin))]
    [InlineData("start transaction isolation level serializable", nameof(StatementKind.Begin))]
    [InlineData("COMMIT", nameof(StatementKind.Commit))]
    [InlineData("end", nameof(StatementKind.Commit))]
    [InlineData("ROLLBACK", nameof(StatementKind.Rollback))]
    [InlineData("ROLLBACK TO SAVEPOINT a", nameof(StatementKind.Ordinary))]
    [InlineData("COMMIT PREPARED 'x'", nameof(StatementKind.Ordinary))]
    [InlineData("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", nameof(StatementKind.NoTransaction))]
    [InlineData("DROP INDEX CONCURRENTLY i", nameof(StatementKind.NoTransaction))]
    [InlineData("REINDEX INDEX CONCURRENTLY i", nameof(StatementKind.NoTransaction))]
    [InlineData("ALTER TABLE p DETACH PARTITION c CONCURRENTLY", nameof(StatementKind.NoTransaction))]
    [InlineData("REFRESH MATERIALIZED VIEW CONCURRENTLY m", nameof(StatementKind.Ordinary))]
    [InlineData("VACUUM FULL t", nameof(StatementKind.NoTransaction))]
    [InlineData("CREATE DATABASE d", nameof(StatementKind.NoTransaction))]
    [InlineData("ALTER TYPE e ADD VALUE 'x'", nameof(StatementKind.Ordinary))]
    [InlineData("CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ SELECT 'CONCURRENTLY' $$", nameof(StatementKind.Ordinary))]
    public void Classifies_statements_by_how_they_use_transactions(string sql, string kind) =>
        Assert.Equal(Enum.Parse<StatementKind>(kind), StatementKinds.Classify(SqlScript.Parse(sql).Statements[0], 15));

    [Fact]
    public void Adding_an_enum_value_could_not_run_in_a_transaction_before_postgresql_12() =>
        Assert.Equal(StatementKind.NoTransaction, StatementKinds.Classify(SqlScript.Parse("ALTER TYPE e ADD VALUE 'x'").Statements[0], 11));
}
