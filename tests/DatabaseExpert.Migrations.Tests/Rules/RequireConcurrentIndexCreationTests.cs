namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequireConcurrentIndexCreationTests
{
    private const string Rule = "require-concurrent-index-creation";

    [Fact]
    public void Index_on_existing_table_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status");
        """,
        [
            "1:1 require-concurrent-index-creation error CREATE INDEX orders_status_idx on existing table orders blocks writes to orders (SHARE lock) until the index is built",
        ],
        rewrites: [
            "CREATE INDEX CONCURRENTLY \"orders_status_idx\" ON \"orders\" USING btree (\"status\");",
        ]);

    [Fact]
    public void Unique_index_in_a_transaction_says_to_move_it_out() => RuleHarness.Expect(
        Rule,
        """
        CREATE UNIQUE INDEX users_email_key ON users (lower(email));
        """,
        [
            "1:1 require-concurrent-index-creation error CREATE UNIQUE INDEX users_email_key on existing table users blocks writes to users (SHARE lock) until the index is built",
        ],
        rewrites: [
            "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (lower(email));",
        ],
        inTransaction: true);

    [Fact]
    public void Concurrent_index_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
        """,
        []);

    [Fact]
    public void Index_on_table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE events (id bigint PRIMARY KEY, kind text);
        CREATE INDEX events_kind_idx ON events (kind);
        """,
        []);

    [Fact]
    public void Index_on_materialized_view_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE MATERIALIZED VIEW totals AS SELECT 1 AS n;
        CREATE UNIQUE INDEX totals_n ON totals (n);
        """,
        []);
}
