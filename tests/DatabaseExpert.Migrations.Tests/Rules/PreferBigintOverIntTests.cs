namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class PreferBigintOverIntTests
{
    private const string Rule = "prefer-bigint-over-int";

    [Fact]
    public void Integer_keys_are_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE "orders" (
        	"id" serial PRIMARY KEY NOT NULL,
        	"customer_id" integer NOT NULL,
        	"quantity" integer NOT NULL
        );
        """,
        [
            "2:7 prefer-bigint-over-int warning key column orders.id is serial: it overflows after 2,147,483,647 values, and changing it later rewrites the table and the tables that reference it",
            "3:16 prefer-bigint-over-int warning key column orders.customer_id is integer: it overflows after 2,147,483,647 values, and changing it later rewrites the table and the tables that reference it",
        ],
        rewrites: [
            "\"id\" bigserial PRIMARY KEY NOT NULL",
            "\"customer_id\" bigint NOT NULL",
        ]);

    [Fact]
    public void Composite_key_parts_and_quantities_are_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE order_items (order_id bigint NOT NULL, line_no integer NOT NULL, quantity int, PRIMARY KEY (order_id, line_no));
        """,
        []);

    [Fact]
    public void Added_and_changed_key_columns_are_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN coupon_id int4 REFERENCES coupons (id), ALTER COLUMN parent_id TYPE integer;
        """,
        [
            "1:41 prefer-bigint-over-int warning key column orders.coupon_id is int4: it overflows after 2,147,483,647 values, and changing it later rewrites the table and the tables that reference it",
            "1:99 prefer-bigint-over-int warning key column orders.parent_id is integer: it overflows after 2,147,483,647 values, and changing it later rewrites the table and the tables that reference it",
        ],
        rewrites: [
            "coupon_id bigint REFERENCES coupons (id)",
            null,
        ]);
}
