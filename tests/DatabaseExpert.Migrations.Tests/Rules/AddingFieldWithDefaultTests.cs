namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class AddingFieldWithDefaultTests
{
    private const string Rule = "adding-field-with-default";

    [Fact]
    public void Volatile_default_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid() NOT NULL;
        """,
        [
            "1:20 adding-field-with-default error DEFAULT gen_random_uuid() of new column orders.public_id is volatile: every existing row gets its own value, so the table is rewritten under an ACCESS EXCLUSIVE lock",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN public_id uuid;\nALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();\n-- then, in batches outside the migration's transaction:\n-- UPDATE orders SET public_id = gen_random_uuid() WHERE public_id IS NULL AND <key range>;",
        ]);

    [Fact]
    public void Constant_default_before_11_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN currency text DEFAULT 'EUR';
        """,
        [
            "1:20 adding-field-with-default error ADD COLUMN orders.currency with DEFAULT 'EUR' rewrites the table under an ACCESS EXCLUSIVE lock before PostgreSQL 11 (the target is 10)",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN currency text;\nALTER TABLE orders ALTER COLUMN currency SET DEFAULT 'EUR';\n-- then, in batches outside the migration's transaction:\n-- UPDATE orders SET currency = 'EUR' WHERE currency IS NULL AND <key range>;",
        ],
        pgVersion: 10);

    [Fact]
    public void Serial_and_stored_generated_columns_are_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN seq bigserial, ADD COLUMN total_eur numeric GENERATED ALWAYS AS (total_cents / 100.0) STORED;
        """,
        [
            "1:20 adding-field-with-default error bigserial column orders.seq draws a sequence value for every existing row: the table is rewritten under an ACCESS EXCLUSIVE lock",
            "1:46 adding-field-with-default error stored generated column orders.total_eur is computed for every existing row: the table is rewritten under an ACCESS EXCLUSIVE lock",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN seq bigint;\nCREATE SEQUENCE orders_seq_seq OWNED BY orders.seq;\nALTER TABLE orders ALTER COLUMN seq SET DEFAULT nextval('orders_seq_seq');\n-- then fill existing rows in batches",
            null,
        ]);

    [Fact]
    public void Unknown_function_is_a_warning() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN code text DEFAULT make_code();
        """,
        [
            "1:20 adding-field-with-default warning DEFAULT make_code() of new column orders.code calls make_code(), whose volatility dbx does not know; if it is VOLATILE (the default for CREATE FUNCTION) the table is rewritten under an ACCESS EXCLUSIVE lock",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN code text;\nALTER TABLE orders ALTER COLUMN code SET DEFAULT make_code();\n-- then, in batches outside the migration's transaction:\n-- UPDATE orders SET code = make_code() WHERE code IS NULL AND <key range>;",
        ]);

    [Fact]
    public void Function_declared_stable_in_the_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE FUNCTION make_code() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'x' $$;
        ALTER TABLE orders ADD COLUMN code text DEFAULT make_code();
        """,
        []);

    [Fact]
    public void Non_volatile_defaults_are_fine_from_11() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR', ADD COLUMN created timestamptz DEFAULT now(), ADD COLUMN tags text[] DEFAULT '{}'::text[], ADD COLUMN due timestamptz DEFAULT now() + interval '1 day';
        """,
        []);

    [Fact]
    public void Column_of_table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE t (id bigint);
        ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();
        """,
        []);
}
