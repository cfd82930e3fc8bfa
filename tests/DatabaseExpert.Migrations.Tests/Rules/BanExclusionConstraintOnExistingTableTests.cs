namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanExclusionConstraintOnExistingTableTests
{
    private const string Rule = "ban-exclusion-constraint-on-existing-table";

    [Fact]
    public void Exclusion_constraint_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
        """,
        [
            "1:22 ban-exclusion-constraint-on-existing-table error EXCLUDE constraint no_overlap on existing table bookings builds its index and checks every row while an ACCESS EXCLUSIVE lock blocks reads and writes; exclusion constraints cannot be added NOT VALID",
        ]);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE bookings (room int, during tstzrange);
        ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
        """,
        []);
}
