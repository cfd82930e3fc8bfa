namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class PreferRobustStatementsTests
{
    private const string Rule = "prefer-robust-stmts";

    [Fact]
    public void The_first_statement_that_cannot_be_repeated_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE IF NOT EXISTS t (id bigint);
        ALTER TABLE orders ADD COLUMN n int;
        ALTER TABLE orders DROP COLUMN m;
        """,
        [
            "2:1 prefer-robust-stmts info ALTER TABLE runs outside a transaction without ADD COLUMN IF NOT EXISTS: if the migration fails after it, running it again fails here (the first such statement of this file)",
        ]);

    [Fact]
    public void A_lone_concurrent_index_is_checked_too() => RuleHarness.Expect(
        Rule,
        """
        CREATE INDEX CONCURRENTLY orders_n_idx ON orders (n);
        """,
        [
            "1:1 prefer-robust-stmts info CREATE INDEX CONCURRENTLY runs outside a transaction without CREATE INDEX … IF NOT EXISTS: if the migration fails after it, running it again fails here (the first such statement of this file)",
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
