namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class SettingNotNullTests
{
    private const string Rule = "setting-not-null";

    [Fact]
    public void Set_not_null_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
        """,
        [
            "1:20 setting-not-null error SET NOT NULL on orders.currency scans every row while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "ALTER TABLE orders ADD CONSTRAINT orders_currency_not_null CHECK (currency IS NOT NULL) NOT VALID;\n-- in a later migration, once no NULLs are left:\nALTER TABLE orders VALIDATE CONSTRAINT orders_currency_not_null;\nALTER TABLE orders ALTER COLUMN currency SET NOT NULL;\nALTER TABLE orders DROP CONSTRAINT orders_currency_not_null;",
        ]);

    [Fact]
    public void Before_12_the_check_stays() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
        """,
        [
            "1:20 setting-not-null error SET NOT NULL on orders.currency scans every row while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "ALTER TABLE orders ADD CONSTRAINT orders_currency_not_null CHECK (currency IS NOT NULL) NOT VALID;\n-- in a later migration, once no NULLs are left:\nALTER TABLE orders VALIDATE CONSTRAINT orders_currency_not_null;\n-- before PostgreSQL 12 SET NOT NULL always scans: keep the validated CHECK instead",
        ],
        pgVersion: 11);

    [Fact]
    public void Validated_check_lets_set_not_null_skip_the_scan() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders VALIDATE CONSTRAINT orders_currency_not_null;
        ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
        ALTER TABLE orders DROP CONSTRAINT orders_currency_not_null;
        """,
        [],
        earlier: ["CREATE TABLE orders (currency text);", "ALTER TABLE orders ADD CONSTRAINT orders_currency_not_null CHECK (currency IS NOT NULL) NOT VALID;"]);

    [Fact]
    public void Unvalidated_check_does_not_help() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
        """,
        [
            "1:20 setting-not-null error SET NOT NULL on orders.currency scans every row while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "ALTER TABLE orders ADD CONSTRAINT orders_currency_not_null CHECK (currency IS NOT NULL) NOT VALID;\n-- in a later migration, once no NULLs are left:\nALTER TABLE orders VALIDATE CONSTRAINT orders_currency_not_null;\nALTER TABLE orders ALTER COLUMN currency SET NOT NULL;\nALTER TABLE orders DROP CONSTRAINT orders_currency_not_null;",
        ],
        earlier: ["CREATE TABLE orders (currency text);", "ALTER TABLE orders ADD CONSTRAINT orders_currency_not_null CHECK (currency IS NOT NULL) NOT VALID;"]);

    [Fact]
    public void Column_added_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN currency text;
        ALTER TABLE orders ALTER COLUMN currency SET NOT NULL;
        """,
        []);
}
