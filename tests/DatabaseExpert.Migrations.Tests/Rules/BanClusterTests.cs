namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanClusterTests
{
    private const string Rule = "ban-cluster";

    [Fact]
    public void Cluster_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CLUSTER orders USING orders_pkey;
        """,
        [
            "1:1 ban-cluster error CLUSTER orders rewrites the table in index order while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ]);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id int PRIMARY KEY);
        CLUSTER t USING t_pkey;
        """,
        []);
}
