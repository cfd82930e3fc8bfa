namespace DatabaseExpert.Migrations.Tests.Rules;

public sealed class RequiresNewerPostgresTests
{
    private const string Rule = "requires-newer-postgres";

    [Fact]
    public void Newer_features_are_flagged() => RuleHarness.Expect(
        Rule,
        """
        REINDEX INDEX CONCURRENTLY i;
        CREATE UNIQUE INDEX u ON t (a) INCLUDE (b) NULLS NOT DISTINCT;
        ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();
        """,
        [
            "1:1 requires-newer-postgres error REINDEX CONCURRENTLY needs PostgreSQL 12; the target is PostgreSQL 10",
            "2:1 requires-newer-postgres error CREATE INDEX … INCLUDE needs PostgreSQL 11; the target is PostgreSQL 10",
            "2:1 requires-newer-postgres error NULLS NOT DISTINCT needs PostgreSQL 15; the target is PostgreSQL 10",
            "3:42 requires-newer-postgres error the built-in gen_random_uuid() (before 13 it comes from the pgcrypto extension) needs PostgreSQL 13; the target is PostgreSQL 10",
        ],
        pgVersion: 10);

    [Fact]
    public void Features_of_the_target_version_are_fine() => RuleHarness.Expect(
        Rule,
        """
        REINDEX INDEX CONCURRENTLY i;
        CREATE UNIQUE INDEX u ON t (a) INCLUDE (b) NULLS NOT DISTINCT;
        MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;
        """,
        []);
}
