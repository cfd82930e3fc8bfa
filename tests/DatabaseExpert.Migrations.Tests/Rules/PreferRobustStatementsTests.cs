namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class PreferRobustStatementsTests
{
    private const string Rule = "prefer-robust-stmts";

    [Fact]
    public void Statements_that_cannot_be_repeated_are_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id bigint);
        ALTER TABLE orders ADD COLUMN n int;
        CREATE INDEX CONCURRENTLY orders_n_idx ON orders (n);
        """,
        [
            "1:1 prefer-robust-stmts info CREATE TABLE runs outside a transaction without CREATE TABLE IF NOT EXISTS: if the migration fails after it, running it again fails here",
            "2:1 prefer-robust-stmts info ALTER TABLE runs outside a transaction without ADD COLUMN IF NOT EXISTS: if the migration fails after it, running it again fails here",
            "3:1 prefer-robust-stmts info CREATE INDEX CONCURRENTLY runs outside a transaction without CREATE INDEX … IF NOT EXISTS: if the migration fails after it, running it again fails here",
        ]);

    [Fact]
    public void Repeatable_statements_are_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE IF NOT EXISTS t (id bigint);
        ALTER TABLE orders ADD COLUMN IF NOT EXISTS n int;
        DROP INDEX CONCURRENTLY IF EXISTS orders_n_idx;
        """,
        []);

    [Fact]
    public void Statements_in_a_transaction_are_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id bigint);
        ALTER TABLE orders ADD COLUMN n int;
        """,
        [],
        inTransaction: true);
}
