namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class AddingForeignKeyConstraintTests
{
    private const string Rule = "adding-foreign-key-constraint";

    [Fact]
    public void Foreign_key_on_existing_table_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE "orders" ADD CONSTRAINT "orders_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE no action ON UPDATE no action;
        """,
        [
            "1:22 adding-foreign-key-constraint error FOREIGN KEY orders_coupon_id_coupons_id_fk on existing table orders → coupons checks every row of orders while writes to both tables wait (SHARE ROW EXCLUSIVE)",
        ],
        rewrites: [
            "ALTER TABLE orders ADD CONSTRAINT \"orders_coupon_id_coupons_id_fk\" FOREIGN KEY (\"coupon_id\") REFERENCES \"public\".\"coupons\"(\"id\") ON DELETE no action ON UPDATE no action NOT VALID;\n-- in a later migration (its own transaction):\nALTER TABLE orders VALIDATE CONSTRAINT orders_coupon_id_coupons_id_fk;",
        ]);

    [Fact]
    public void Inline_references_on_a_new_column_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);
        """,
        [
            "1:20 adding-foreign-key-constraint error ADD COLUMN coupon_id … REFERENCES coupons adds a validated foreign key to existing table orders, scanning it while writes to both tables wait",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN coupon_id bigint;\nALTER TABLE orders ADD CONSTRAINT orders_coupon_id_fkey FOREIGN KEY (coupon_id) REFERENCES coupons NOT VALID;\n-- in a later migration:\nALTER TABLE orders VALIDATE CONSTRAINT orders_coupon_id_fkey;",
        ]);

    [Fact]
    public void Not_valid_foreign_key_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;
        """,
        []);

    [Fact]
    public void Foreign_key_on_table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE "reviews" ("id" bigint PRIMARY KEY, "product_id" bigint NOT NULL REFERENCES products (id));
        ALTER TABLE "reviews" ADD CONSTRAINT "reviews_product_fk" FOREIGN KEY ("product_id") REFERENCES "products"("id");
        """,
        []);
}
