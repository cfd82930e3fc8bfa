namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class BackfillInMigrationTests
{
    private const string Rule = "backfill-in-migration";

    [Fact]
    public void Update_in_a_migration_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        UPDATE "orders" o SET "total_cents" = s.total
        FROM (SELECT "order_id", sum("quantity") AS total FROM "order_items" GROUP BY "order_id") s
        WHERE s."order_id" = o."id";
        """,
        [
            "1:1 backfill-in-migration warning UPDATE on existing table orders changes every matching row in one statement inside the migration's transaction (drizzle-kit migrate runs all pending migrations in one transaction): row locks are held until commit and a large table bloats",
        ],
        rewrites: [
            "-- repeat until it changes 0 rows, outside the migration's transaction:\n-- UPDATE … WHERE <key> IN (SELECT <key> FROM orders WHERE <not done yet> LIMIT 5000);",
        ],
        inTransaction: true);

    [Fact]
    public void Delete_without_where_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        WITH gone AS (SELECT 1) DELETE FROM sessions;
        """,
        [
            "1:1 backfill-in-migration warning DELETE on existing table sessions changes every row in one statement: row locks are held until commit and a large table bloats",
        ],
        rewrites: [
            "-- repeat until it changes 0 rows, outside the migration's transaction:\n-- DELETE … WHERE <key> IN (SELECT <key> FROM sessions WHERE <not done yet> LIMIT 5000);",
        ]);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id int, n int);
        INSERT INTO t VALUES (1, 1);
        UPDATE t SET n = 2;
        """,
        []);
}
