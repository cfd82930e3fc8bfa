namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequireConcurrentPartitionDetachTests
{
    private const string Rule = "require-concurrent-partition-detach";

    [Fact]
    public void Detach_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE measurements DETACH PARTITION measurements_2023;
        """,
        [
            "1:26 require-concurrent-partition-detach warning DETACH PARTITION measurements_2023 takes an ACCESS EXCLUSIVE lock on measurements: every query on the partitioned table waits",
        ],
        rewrites: [
            "ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;",
        ]);

    [Fact]
    public void Concurrent_detach_and_older_versions_are_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;
        ALTER TABLE measurements DETACH PARTITION measurements_2022 FINALIZE;
        """,
        []);

    [Fact]
    public void Before_14_there_is_nothing_better() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE measurements DETACH PARTITION measurements_2023;
        """,
        [],
        pgVersion: 13);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE m (at date) PARTITION BY RANGE (at);
        CREATE TABLE m_2023 PARTITION OF m FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
        ALTER TABLE m DETACH PARTITION m_2023;
        """,
        []);
}
