namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanDropColumnTests
{
    private const string Rule = "ban-drop-column";

    [Fact]
    public void Drop_column_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders DROP COLUMN IF EXISTS notes;
        """,
        [
            "1:20 ban-drop-column warning DROP COLUMN orders.notes breaks application instances that still select, insert or update it",
        ]);

    [Fact]
    public void Column_added_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN scratch text;
        ALTER TABLE orders DROP COLUMN scratch;
        """,
        []);
}
