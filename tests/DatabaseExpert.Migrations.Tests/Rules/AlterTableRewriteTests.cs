namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class AlterTableRewriteTests
{
    private const string Rule = "alter-table-rewrite";

    [Fact]
    public void Rewriting_actions_are_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders SET TABLESPACE fast, SET LOGGED;
        """,
        [
            "1:20 alter-table-rewrite error SET TABLESPACE copies all of orders while an ACCESS EXCLUSIVE lock blocks reads and writes",
            "1:41 alter-table-rewrite error SET LOGGED copies all of orders while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ]);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE UNLOGGED TABLE imports (id int);
        ALTER TABLE imports SET LOGGED;
        """,
        []);
}
