namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class PreferTimestamptzTests
{
    private const string Rule = "prefer-timestamptz";

    [Fact]
    public void Timestamp_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE "orders" ("created_at" timestamp DEFAULT now() NOT NULL, "shipped_at" timestamp(3) without time zone);
        """,
        [
            "1:37 prefer-timestamptz warning orders.created_at is timestamp: it stores a wall-clock reading without its time zone, so values from different zones or around daylight-saving changes are ambiguous",
            "1:84 prefer-timestamptz warning orders.shipped_at is timestamp(3) without time zone: it stores a wall-clock reading without its time zone, so values from different zones or around daylight-saving changes are ambiguous",
        ],
        rewrites: [
            "\"created_at\" timestamptz DEFAULT now() NOT NULL",
            "\"shipped_at\" timestamptz(3)",
        ]);

    [Fact]
    public void Changing_to_timestamp_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE events ALTER COLUMN at TYPE timestamp;
        """,
        [
            "1:41 prefer-timestamptz warning events.at is timestamp: it stores a wall-clock reading without its time zone, so values from different zones or around daylight-saving changes are ambiguous",
        ]);

    [Fact]
    public void Timestamptz_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE orders (created_at timestamptz, at timestamp with time zone);
        """,
        []);
}
