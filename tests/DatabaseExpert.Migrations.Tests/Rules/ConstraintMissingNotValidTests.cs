namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class ConstraintMissingNotValidTests
{
    private const string Rule = "constraint-missing-not-valid";

    [Fact]
    public void Check_on_existing_table_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0);
        """,
        [
            "1:20 constraint-missing-not-valid error CHECK constraint orders_total_positive on existing table orders is validated against every row while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0) NOT VALID;\n-- in a later migration (its own transaction):\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;",
        ]);

    [Fact]
    public void Unnamed_check_gets_a_name_in_the_rewrite() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD CHECK (total_cents >= 0);
        """,
        [
            "1:20 constraint-missing-not-valid error CHECK constraint (unnamed) on existing table orders is validated against every row while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "ALTER TABLE orders ADD CONSTRAINT orders_check CHECK (total_cents >= 0) NOT VALID;\n-- in a later migration (its own transaction):\nALTER TABLE orders VALIDATE CONSTRAINT orders_check;",
        ]);

    [Fact]
    public void Validate_in_the_same_transaction_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD CONSTRAINT c CHECK (total_cents >= 0) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        """,
        [
            "2:20 constraint-missing-not-valid error VALIDATE CONSTRAINT c runs in the same transaction that added it NOT VALID, so the ADD's lock on orders is still held during the validation scan",
        ],
        inTransaction: true);

    [Fact]
    public void Not_valid_then_validate_later_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD CONSTRAINT c CHECK (total_cents >= 0) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT c;
        """,
        []);

    [Fact]
    public void Check_on_table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (n int);
        ALTER TABLE t ADD CONSTRAINT t_n CHECK (n > 0);
        """,
        []);
}
