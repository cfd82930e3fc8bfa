namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class DisallowedUniqueConstraintTests
{
    private const string Rule = "disallowed-unique-constraint";

    [Fact]
    public void Unique_constraint_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE users ADD CONSTRAINT users_handle_uq UNIQUE (handle);
        """,
        [
            "1:19 disallowed-unique-constraint error UNIQUE (handle) on existing table users builds a unique index while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "CREATE UNIQUE INDEX CONCURRENTLY users_handle_uq ON users (handle);\nALTER TABLE users ADD CONSTRAINT users_handle_uq UNIQUE USING INDEX users_handle_uq;",
        ]);

    [Fact]
    public void Unique_column_is_flagged() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE users ADD COLUMN handle text UNIQUE;
        """,
        [
            "1:19 disallowed-unique-constraint error UNIQUE (handle) on existing table users builds a unique index while an ACCESS EXCLUSIVE lock blocks reads and writes",
        ],
        rewrites: [
            "CREATE UNIQUE INDEX CONCURRENTLY users_handle_key ON users (handle);\nALTER TABLE users ADD CONSTRAINT users_handle_key UNIQUE USING INDEX users_handle_key;",
        ]);

    [Fact]
    public void Using_index_is_fine() => RuleHarness.Expect(
        Rule,
        """
        ALTER TABLE users ADD CONSTRAINT users_handle_uq UNIQUE USING INDEX users_handle_uq;
        """,
        []);

    [Fact]
    public void Table_created_in_the_same_migration_is_fine() => RuleHarness.Expect(
        Rule,
        """
        CREATE TABLE users (handle text);
        ALTER TABLE users ADD CONSTRAINT users_handle_uq UNIQUE (handle);
        """,
        []);
}
