namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class PreferTextFieldTests
{
    private const string Rule = "prefer-text-field";

    [Fact]
    public void Varchar_with_a_limit_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE customers ("email" varchar(255) NOT NULL);
        """,
        [
            "1:33 prefer-text-field info customers.email is varchar(255): changing the limit later is an ALTER COLUMN TYPE under an ACCESS EXCLUSIVE lock (a rewrite when it shrinks)",
        ],
        rewrites: [
            "\"email\" text NOT NULL CHECK (char_length(email) <= 255)",
        ]);

    [Fact]
    public void Text_and_unlimited_varchar_are_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE customers (email text NOT NULL, name varchar);
        """,
        []);
}
