namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanAlterDomainWithAddConstraintTests
{
    private const string Rule = "ban-alter-domain-with-add-constraint";

    [Fact]
    public void Add_constraint_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0);
        """,
        [
            "1:1 ban-alter-domain-with-add-constraint error ALTER DOMAIN positive_int ADD CONSTRAINT checks every column of that domain in every table while holding locks on them",
        ]);

    [Fact]
    public void Not_valid_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID;
        """,
        []);
}
