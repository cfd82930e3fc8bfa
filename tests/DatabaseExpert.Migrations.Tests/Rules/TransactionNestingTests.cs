namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class TransactionNestingTests
{
    private const string Rule = "transaction-nesting";

    [Fact]
    public void Begin_inside_the_tool_transaction_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        ALTER TABLE orders ADD COLUMN n int;
        COMMIT;
        """,
        [
            "1:1 transaction-nesting error BEGIN inside the transaction the tool already opened (drizzle-kit migrate runs all pending migrations in one transaction): it is ignored, and the matching COMMIT ends the tool's transaction early",
            "3:1 transaction-nesting error COMMIT ends the transaction the tool opened (drizzle-kit migrate runs all pending migrations in one transaction): the rest of the file and the tool's own bookkeeping run outside it",
        ],
        inTransaction: true);

    [Fact]
    public void Nested_begin_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        START TRANSACTION;
        COMMIT;
        """,
        [
            "2:1 transaction-nesting error BEGIN inside the transaction opened at line 1: PostgreSQL has no nested transactions and ignores it",
        ]);

    [Fact]
    public void Own_transaction_without_a_tool_transaction_is_fine() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        ALTER TABLE orders ADD COLUMN n int;
        COMMIT;
        """,
        []);
}
