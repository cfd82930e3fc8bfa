namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanDropTableTests
{
    private const string Rule = "ban-drop-table";

    [Fact]
    public void Drop_table_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        DROP TABLE IF EXISTS legacy_orders CASCADE;
        """,
        [
            "1:1 ban-drop-table warning DROP TABLE legacy_orders breaks application instances that still use it, and its data is gone",
        ]);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE scratch (id int);
        DROP TABLE scratch;
        """,
        []);
}
