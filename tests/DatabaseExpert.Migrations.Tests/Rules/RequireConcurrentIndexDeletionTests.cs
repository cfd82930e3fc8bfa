namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequireConcurrentIndexDeletionTests
{
    private const string Rule = "require-concurrent-index-deletion";

    [Fact]
    public void Drop_index_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        DROP INDEX orders_status_idx, public.orders_created_idx;
        """,
        [
            "1:1 require-concurrent-index-deletion warning DROP INDEX orders_status_idx, orders_created_idx takes an ACCESS EXCLUSIVE lock on its table: reads and writes wait, and so does the drop until running queries finish",
        ],
        rewrites: [
            "DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;\nDROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;",
        ]);

    [Fact]
    public void Concurrent_drop_is_fine() => RuleHarness.Expect(
        Rule,
        """
        DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
        """,
        []);

    [Fact]
    public void Index_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE INDEX tmp_idx ON orders (status);
        DROP INDEX tmp_idx;
        """,
        []);
}
