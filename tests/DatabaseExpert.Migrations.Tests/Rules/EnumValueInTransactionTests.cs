namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class EnumValueInTransactionTests
{
    private const string Rule = "enum-value-in-transaction";

    [Fact]
    public void Add_value_in_a_transaction_before_12_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TYPE order_status ADD VALUE 'refunded';
        """,
        [
            "1:1 enum-value-in-transaction error ALTER TYPE order_status ADD VALUE cannot run inside a transaction block before PostgreSQL 12 (the target is 11), and this statement runs in one (drizzle-kit migrate runs all pending migrations in one transaction)",
        ],
        pgVersion: 11,
        inTransaction: true);

    [Fact]
    public void Using_the_new_value_in_the_same_transaction_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TYPE order_status ADD VALUE 'refunded';
        UPDATE orders SET status = 'refunded' WHERE id = 1;
        """,
        [
            "2:28 enum-value-in-transaction error 'refunded' was added to enum order_status at line 1 in this same transaction; PostgreSQL refuses to use it before the transaction commits (unsafe use of new value)",
        ],
        inTransaction: true);

    [Fact]
    public void Using_it_after_commit_is_fine() => RuleHarness.Expect(
        Rule,
        """
        BEGIN;
        ALTER TYPE order_status ADD VALUE 'refunded';
        COMMIT;
        UPDATE orders SET status = 'refunded' WHERE id = 1;
        """,
        []);

    [Fact]
    public void Enum_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TYPE mood AS ENUM ('sad');
        ALTER TYPE mood ADD VALUE 'happy';
        CREATE TABLE m (v mood DEFAULT 'happy');
        """,
        [],
        inTransaction: true);
}
