namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RenamingTableTests
{
    private const string Rule = "renaming-table";

    [Fact]
    public void Rename_table_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders RENAME TO purchases;
        """,
        [
            "1:20 renaming-table warning renaming table orders to purchases breaks application instances that still use orders",
        ],
        rewrites: [
            "ALTER TABLE orders RENAME TO purchases;\nCREATE VIEW orders AS SELECT * FROM purchases;\n-- once no code uses the old name:\n-- DROP VIEW orders;",
        ]);

    [Fact]
    public void Set_schema_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders SET SCHEMA archive;
        """,
        [
            "1:20 renaming-table warning renaming table orders to archive.orders breaks application instances that still use orders",
        ],
        rewrites: [
            "ALTER TABLE orders SET SCHEMA archive;\nCREATE VIEW orders AS SELECT * FROM archive.orders;\n-- once no code uses the old name:\n-- DROP VIEW orders;",
        ]);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE staging (id int);
        ALTER TABLE staging RENAME TO imports;
        """,
        []);
}
