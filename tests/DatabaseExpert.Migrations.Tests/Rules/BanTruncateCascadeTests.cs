namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanTruncateCascadeTests
{
    private const string Rule = "ban-truncate-cascade";

    [Fact]
    public void Truncate_cascade_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        TRUNCATE TABLE orders, order_items RESTART IDENTITY CASCADE;
        """,
        [
            "1:1 ban-truncate-cascade error TRUNCATE orders, order_items CASCADE also empties every table that references them, and the tables that reference those",
        ],
        rewrites: [
            "TRUNCATE orders, order_items;",
        ]);

    [Fact]
    public void Plain_truncate_is_fine() => RuleHarness.Expect(
        Rule,
        """
        TRUNCATE orders;
        """,
        []);
}
