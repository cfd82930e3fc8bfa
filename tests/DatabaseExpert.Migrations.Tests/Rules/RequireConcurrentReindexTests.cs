namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequireConcurrentReindexTests
{
    private const string Rule = "require-concurrent-reindex";

    [Fact]
    public void Reindex_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        REINDEX INDEX orders_status_idx;
        """,
        [
            "1:1 require-concurrent-reindex error REINDEX INDEX orders_status_idx blocks writes to the table and reads that use the index until the rebuild ends",
        ],
        rewrites: [
            "REINDEX INDEX CONCURRENTLY orders_status_idx;",
        ]);

    [Fact]
    public void Before_12_the_recipe_is_a_new_index() => RuleHarness.Expect(
        Rule,
        """
        REINDEX TABLE orders;
        """,
        [
            "1:1 require-concurrent-reindex error REINDEX TABLE orders blocks writes to the table and reads that use the index until the rebuild ends",
        ],
        rewrites: [
            "CREATE INDEX CONCURRENTLY <index>_new ON <table> (<same definition>);\nDROP INDEX CONCURRENTLY <index>;\nALTER INDEX <index>_new RENAME TO <index>;",
        ],
        pgVersion: 11);

    [Fact]
    public void Concurrent_reindex_is_fine() => RuleHarness.Expect(
        Rule,
        """
        REINDEX (VERBOSE) TABLE CONCURRENTLY orders;
        REINDEX (CONCURRENTLY) INDEX orders_status_idx;
        """,
        []);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id int);
        REINDEX TABLE t;
        """,
        []);
}
