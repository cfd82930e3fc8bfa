namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class IdentifierTooLongTests
{
    private const string Rule = "identifier-too-long";

    [Fact]
    public void Long_names_are_flagged() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE orders (id bigint, this_column_name_is_far_too_long_for_postgresql_because_it_exceeds_63_bytes int);
        CREATE INDEX orders_created_at_customer_id_status_total_cents_coupon_id_idx_v2 ON orders (id);
        """,
        [
            "1:33 identifier-too-long warning column name this_column_name_is_far_too_long_for_postgresql_because_it_exceeds_63_bytes is 75 bytes: PostgreSQL truncates it to 63 bytes (this_column_name_is_far_too_long_for_postgresql_because_it_exce), so the database and the code disagree",
            "2:1 identifier-too-long warning index name orders_created_at_customer_id_status_total_cents_coupon_id_idx_v2 is 65 bytes: PostgreSQL truncates it to 63 bytes (orders_created_at_customer_id_status_total_cents_coupon_id_idx_), so the database and the code disagree",
        ]);

    [Fact]
    public void Multibyte_names_count_bytes() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE "ééééééééééééééééééééééééééééééééé" (id bigint);
        """,
        [
            "1:14 identifier-too-long warning table name ééééééééééééééééééééééééééééééééé is 66 bytes: PostgreSQL truncates it to 63 bytes (ééééééééééééééééééééééééééééééé), so the database and the code disagree",
        ]);

    [Fact]
    public void Names_up_to_63_bytes_are_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE a_name_of_exactly_sixty_three_bytes_is_still_fine_in_postgres_o (id bigint);
        """,
        []);
}
