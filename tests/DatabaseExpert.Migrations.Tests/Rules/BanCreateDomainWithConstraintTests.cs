namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BanCreateDomainWithConstraintTests
{
    private const string Rule = "ban-create-domain-with-constraint";

    [Fact]
    public void Domain_with_check_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
        """,
        [
            "1:1 ban-create-domain-with-constraint warning domain positive_int carries a constraint: changing it later validates every column of that domain in every table, under locks",
        ]);

    [Fact]
    public void Plain_domain_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE DOMAIN money_cents AS bigint;
        """,
        []);
}
