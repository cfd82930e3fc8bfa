namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class AddingPrimaryKeyConstraintTests
{
    private const string Rule = "adding-primary-key-constraint";

    [Fact]
    public void Primary_key_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE items ADD PRIMARY KEY (id);
        """,
        [
            "1:19 adding-primary-key-constraint error PRIMARY KEY (id) on existing table items builds its index and checks NOT NULL while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "CREATE UNIQUE INDEX CONCURRENTLY items_pkey ON items (id);\nALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;",
        ]);

    [Fact]
    public void Serial_primary_key_column_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE items ADD COLUMN id bigserial PRIMARY KEY;
        """,
        [
            "1:19 adding-primary-key-constraint error PRIMARY KEY (id) on existing table items builds its index and checks NOT NULL while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "CREATE UNIQUE INDEX CONCURRENTLY items_pkey ON items (id);\nALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;",
        ]);

    [Fact]
    public void Using_index_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey;
        """,
        []);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE items (id bigint NOT NULL);
        ALTER TABLE items ADD PRIMARY KEY (id);
        """,
        []);
}
