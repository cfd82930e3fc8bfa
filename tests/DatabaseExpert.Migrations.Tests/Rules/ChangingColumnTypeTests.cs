namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class ChangingColumnTypeTests
{
    private const string Rule = "changing-column-type";

    [Fact]
    public void Int_to_bigint_after_an_earlier_migration_is_a_rewrite() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DATA TYPE bigint;
        """,
        [
            "1:22 changing-column-type error changing orders.total_cents from integer to bigint rewrites orders and rebuilds its indexes while an ACCESS EXCLUSIVE lock blocks reads and writes (integer → bigint converts every value)",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN total_cents_new bigint;\n-- keep total_cents_new in sync with total_cents (a BEFORE INSERT OR UPDATE trigger), then fill it in batches:\n-- UPDATE orders SET total_cents_new = total_cents WHERE total_cents_new IS NULL AND <key range>;\n-- then, in one short transaction: rename total_cents away, rename total_cents_new to total_cents; drop the old column later",
        ],
        earlier: ["CREATE TABLE \"orders\" (\"id\" bigint PRIMARY KEY, \"total_cents\" integer DEFAULT 0 NOT NULL);"]);

    [Fact]
    public void Unknown_current_type_is_a_warning() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
        """,
        [
            "1:20 changing-column-type warning changing orders.total_cents to bigint rewrites the table under an ACCESS EXCLUSIVE lock unless the change is binary-coercible, and the current type of total_cents is not known (no earlier migration creates it and no database was given)",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN total_cents_new bigint;\n-- keep total_cents_new in sync with total_cents (a BEFORE INSERT OR UPDATE trigger), then fill it in batches:\n-- UPDATE orders SET total_cents_new = total_cents WHERE total_cents_new IS NULL AND <key range>;\n-- then, in one short transaction: rename total_cents away, rename total_cents_new to total_cents; drop the old column later",
        ]);

    [Fact]
    public void Using_expression_is_a_rewrite() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ALTER COLUMN note TYPE integer USING note::integer;
        """,
        [
            "1:20 changing-column-type error changing orders.note from text to integer rewrites orders and rebuilds its indexes while an ACCESS EXCLUSIVE lock blocks reads and writes (text → integer converts every value)",
        ],
        rewrites: [
            "ALTER TABLE orders ADD COLUMN note_new integer;\n-- keep note_new in sync with note (a BEFORE INSERT OR UPDATE trigger), then fill it in batches:\n-- UPDATE orders SET note_new = note WHERE note_new IS NULL AND <key range>;\n-- then, in one short transaction: rename note away, rename note_new to note; drop the old column later",
        ],
        earlier: ["CREATE TABLE orders (note text);"]);

    [Fact]
    public void Timestamp_to_timestamptz_depends_on_the_time_zone() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ALTER COLUMN created_at TYPE timestamptz;
        """,
        [
            "1:20 changing-column-type warning changing orders.created_at from timestamp to timestamptz rewrites the table under an ACCESS EXCLUSIVE lock unless the migration's session has TimeZone = 'UTC'",
        ],
        rewrites: [
            "SET LOCAL TimeZone = 'UTC';\nALTER TABLE orders ALTER COLUMN created_at TYPE timestamptz;",
        ],
        earlier: ["CREATE TABLE orders (created_at timestamp);"]);

    [Fact]
    public void Binary_coercible_and_widening_changes_are_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE t ALTER COLUMN a TYPE varchar(20), ALTER COLUMN b TYPE text, ALTER COLUMN c TYPE numeric(12,2), ALTER COLUMN d TYPE varchar;
        """,
        [],
        earlier: ["CREATE TABLE t (a varchar(10), b varchar(10), c numeric(10,2), d text);"]);

    [Fact]
    public void Shrinking_a_varchar_is_a_rewrite() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE t ALTER COLUMN a TYPE varchar(5);
        """,
        [
            "1:15 changing-column-type error changing t.a from varchar(10) to varchar(5) rewrites t and rebuilds its indexes while an ACCESS EXCLUSIVE lock blocks reads and writes (varchar(10) → varchar(5) narrows or changes the limit, which rewrites every row)",
        ],
        rewrites: [
            "ALTER TABLE t ADD COLUMN a_new varchar(5);\n-- keep a_new in sync with a (a BEFORE INSERT OR UPDATE trigger), then fill it in batches:\n-- UPDATE t SET a_new = a WHERE a_new IS NULL AND <key range>;\n-- then, in one short transaction: rename a away, rename a_new to a; drop the old column later",
        ],
        earlier: ["CREATE TABLE t (a varchar(10));"]);

    [Fact]
    public void Column_added_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE orders ADD COLUMN n int;
        ALTER TABLE orders ALTER COLUMN n TYPE bigint;
        """,
        []);
}
