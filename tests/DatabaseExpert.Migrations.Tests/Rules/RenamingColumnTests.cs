namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RenamingColumnTests
{
    private const string Rule = "renaming-column";

    [Fact]
    public void Rename_column_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE "orders" RENAME COLUMN "notes" TO "comment";
        """,
        [
            "1:22 renaming-column warning renaming orders.notes to comment breaks application instances that still use notes",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN comment <type>;\n-- write both columns, fill the new one in batches, move reads, then:\nALTER TABLE orders DROP COLUMN notes;",
        ]);

    [Fact]
    public void Column_added_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN tmp text;
        ALTER TABLE orders RENAME COLUMN tmp TO note;
        """,
        []);
}
