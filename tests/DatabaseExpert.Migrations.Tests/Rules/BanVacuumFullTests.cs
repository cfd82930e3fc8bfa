namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanVacuumFullTests
{
    private const string Rule = "ban-vacuum-full";

    [Fact]
    public void Vacuum_full_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        VACUUM (FULL, ANALYZE) orders;
        VACUUM FULL;
        """,
        [
            "1:1 ban-vacuum-full error VACUUM FULL rewrites orders while an ACCESS EXCLUSIVE lock blocks reads and writes",
            "2:1 ban-vacuum-full error VACUUM FULL rewrites every table of the database while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ]);

    [Fact]
    public void Plain_vacuum_is_fine() => RuleHarness.Expect(
        Rule,
        """
        VACUUM ANALYZE orders;
        """,
        []);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id int);
        VACUUM FULL t;
        """,
        []);
}
