namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequireStatementTimeoutTests
{
    private const string Rule = "require-statement-timeout";

    [Fact]
    public void Rewrite_under_lock_without_timeout_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        SET lock_timeout = '5s';
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        """,
        [
            "2:1 require-statement-timeout warning ALTER TABLE scans or rewrites orders while holding an ACCESS EXCLUSIVE lock, with no statement_timeout set: nothing bounds how long it blocks",
        ],
        rewrites: [
            "SET statement_timeout = '15min';",
        ]);

    [Fact]
    public void Statement_timeout_set_first_is_fine() => RuleHarness.Expect(
        Rule,
        """
        SET statement_timeout = '15min';
        CREATE INDEX orders_n_idx ON orders (n);
        """,
        []);

    [Fact]
    public void Brief_lock_needs_no_statement_timeout() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN n int;
        """,
        []);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id bigint, n int);
        CREATE INDEX t_n_idx ON t (n);
        ALTER TABLE t ALTER COLUMN n TYPE bigint;
        """,
        []);
}
