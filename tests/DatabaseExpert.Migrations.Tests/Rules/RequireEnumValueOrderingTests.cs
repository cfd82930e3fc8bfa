namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequireEnumValueOrderingTests
{
    private const string Rule = "require-enum-value-ordering";

    [Fact]
    public void Appended_value_is_an_info() => RuleHarness.Expect(
        Rule,
        """
        ALTER TYPE order_status ADD VALUE 'refunded';
        """,
        [
            "1:1 require-enum-value-ordering info 'refunded' is appended at the end of enum order_status (after 'paid'); comparisons and ORDER BY on the enum use that order",
        ],
        rewrites: [
            "ALTER TYPE order_status ADD VALUE 'refunded' BEFORE '<value>';",
        ],
        earlier: ["CREATE TYPE order_status AS ENUM ('pending', 'paid');"]);

    [Fact]
    public void Placed_value_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
        """,
        []);

    [Fact]
    public void Enum_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TYPE mood AS ENUM ('sad');
        ALTER TYPE mood ADD VALUE 'happy';
        """,
        []);
}
