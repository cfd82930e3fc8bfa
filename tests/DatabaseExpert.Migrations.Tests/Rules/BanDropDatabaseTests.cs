namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanDropDatabaseTests
{
    private const string Rule = "ban-drop-database";

    [Fact]
    public void Drop_database_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        DROP DATABASE IF EXISTS shop;
        """,
        [
            "1:1 ban-drop-database error DROP DATABASE shop in a migration destroys every table in it",
        ]);

    [Fact]
    public void Drop_schema_is_not_this_rule() => RuleHarness.Expect(
        Rule,
        """
        DROP SCHEMA IF EXISTS staging;
        """,
        []);
}
