namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class PreferJsonbTests
{
    private const string Rule = "prefer-jsonb";

    [Fact]
    public void Json_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE events ADD COLUMN payload json;
        """,
        [
            "1:39 prefer-jsonb warning events.payload is json: it is re-parsed on every access, has no equality operator (DISTINCT, GROUP BY and UNION fail) and cannot use a GIN index",
        ],
        rewrites: [
            "payload jsonb",
        ]);

    [Fact]
    public void Jsonb_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE events ADD COLUMN payload jsonb;
        """,
        []);
}
