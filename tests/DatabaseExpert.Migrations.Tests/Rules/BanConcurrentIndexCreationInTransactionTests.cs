namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanConcurrentIndexCreationInTransactionTests
{
    private const string Rule = "ban-concurrent-index-creation-in-transaction";

    [Fact]
    public void Concurrent_index_in_a_tool_transaction_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
        """,
        [
            "1:1 ban-concurrent-index-creation-in-transaction error CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and this statement runs in one (drizzle-kit migrate runs all pending migrations in one transaction)",
        ],
        inTransaction: true);

    [Fact]
    public void Concurrent_drop_inside_begin_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        DROP INDEX CONCURRENTLY orders_status_idx;
        COMMIT;
        """,
        [
            "2:1 ban-concurrent-index-creation-in-transaction error DROP INDEX CONCURRENTLY cannot run inside a transaction block, and this statement runs in one (inside the BEGIN … COMMIT block)",
        ]);

    [Fact]
    public void Concurrent_index_without_a_transaction_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
        """,
        []);

    [Fact]
    public void Concurrent_index_after_commit_is_fine() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        ALTER TABLE orders ADD COLUMN note text;
        COMMIT;
        CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
        """,
        []);
}
