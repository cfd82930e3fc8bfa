namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanDropNotNullTests
{
    private const string Rule = "ban-drop-not-null";

    [Fact]
    public void Drop_not_null_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ALTER COLUMN notes DROP NOT NULL;
        """,
        [
            "1:20 ban-drop-not-null warning DROP NOT NULL on orders.notes lets NULLs in; readers that assume a value will meet NULLs",
        ]);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (a text NOT NULL);
        ALTER TABLE t ALTER COLUMN a DROP NOT NULL;
        """,
        []);
}
