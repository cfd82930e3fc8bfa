namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class CombineAlterTableTests
{
    private const string Rule = "combine-alter-table";

    [Fact]
    public void Consecutive_alters_on_one_table_are_flagged_once() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN a int;
        ALTER TABLE orders ADD COLUMN b int;
        ALTER TABLE orders ADD COLUMN c int;
        """,
        [
            "2:1 combine-alter-table info this ALTER TABLE orders follows another one on the same table: each statement queues for the lock again and rewrites or scans separately",
        ],
        rewrites: [
            "ALTER TABLE orders\n  ADD COLUMN a int,\n  ADD COLUMN b int;",
        ]);

    [Fact]
    public void Renames_and_other_tables_are_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN a int;
        ALTER TABLE orders RENAME COLUMN a TO b;
        ALTER TABLE items ADD COLUMN c int;
        """,
        []);

    [Fact]
    public void New_table_alters_are_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id int);
        ALTER TABLE t ADD COLUMN a int;
        ALTER TABLE t ADD COLUMN b int;
        """,
        []);
}
