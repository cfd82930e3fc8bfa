namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class PreferBigintOverSmallintTests
{
    private const string Rule = "prefer-bigint-over-smallint";

    [Fact]
    public void Smallint_key_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE regions (id smallserial PRIMARY KEY, name text);
        """,
        [
            "1:26 prefer-bigint-over-smallint warning key column regions.id is smallserial: it overflows after 32,767 values, and changing it later rewrites the table",
        ],
        rewrites: [
            "id bigserial PRIMARY KEY",
        ]);

    [Fact]
    public void Smallint_value_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE reviews (id bigint PRIMARY KEY, "rating" smallint NOT NULL);
        """,
        []);
}
