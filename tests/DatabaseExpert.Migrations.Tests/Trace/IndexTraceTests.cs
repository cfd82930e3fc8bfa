using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Migrations.Trace.Rules;
using static DatabaseExpert.Migrations.Tests.Trace.TraceHarness;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class IndexTraceTests
{
    [Fact]
    public async Task Create_index_takes_share_lock_and_is_reported_with_the_concurrent_recipe()
    {
        var result = await TraceAsync(Migration("0001_index.sql", "CREATE INDEX child_code_idx ON child (code);"));

        var statement = result.Statement("CREATE INDEX");
        Assert.Contains(LockMode.Share, statement.LocksOn("child"));
        Assert.Contains(statement.IndexChanges, i => i.Index == "child_code_idx" && i.Kind == ChangeKind.Added && i.Valid);
        Assert.Equal([TraceRuleIds.IndexNotConcurrent, TraceRuleIds.LockWithoutTimeout], result.Rules());
        var finding = result.Finding(TraceRuleIds.IndexNotConcurrent);
        Assert.Equal(("0001_index.sql", 1, 1), (finding.File, finding.Line, finding.Column));
        Assert.StartsWith("ShareLock on child", finding.Evidence, StringComparison.Ordinal);
        Assert.Equal("CREATE INDEX CONCURRENTLY child_code_idx ON public.child USING btree (code);", finding.SafeRewrite);
    }

    [Fact]
    public async Task Create_index_concurrently_outside_a_transaction_has_no_findings()
    {
        var result = await TraceAsync(Migration("0001_index.sql", "CREATE INDEX CONCURRENTLY child_code_idx ON child (code);", inTransaction: false));

        var statement = result.Statement("CREATE INDEX");
        Assert.False(statement.InTransaction);
        Assert.Equal(StatementOutcome.Executed, statement.Outcome);
        Assert.Contains(statement.IndexChanges, i => i.Index == "child_code_idx" && i.Kind == ChangeKind.Added && i.Valid && i.Ready);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task Create_index_concurrently_in_a_transactional_migration_fails_where_the_statement_starts()
    {
        var result = await TraceAsync(
            Migration("0001_index.sql", "SET lock_timeout = '1s';\nALTER TABLE child ADD COLUMN note text;\n  CREATE INDEX CONCURRENTLY child_code_idx ON child (code);"),
            Migration("0002_note.sql", "SET lock_timeout = '1s';\nALTER TABLE child ADD COLUMN note text;"));

        var file = result.Files[0];
        Assert.False(file.Applied);
        Assert.Equal(("25001", 3, 3), (file.Error!.SqlState, file.Error.Line, file.Error.Column));
        var finding = result.Finding(TraceRuleIds.MigrationFailed);
        Assert.Equal((3, 3), (finding.Line, finding.Column));
        Assert.Contains("cannot run inside a transaction block", finding.Message, StringComparison.Ordinal);

        // The failed file was rolled back (its column is gone) and the next one ran in a transaction of its own.
        Assert.True(result.Files[1].Applied);
        Assert.Equal([LockMode.AccessExclusive], result.Files[1].Statements[1].LocksOn("child"));
    }

    [Fact]
    public async Task Add_unique_constraint_builds_its_index_under_access_exclusive()
    {
        var result = await TraceAsync(Migration("0001_unique.sql", "SET lock_timeout = '2s';\nALTER TABLE child ADD CONSTRAINT child_n_key UNIQUE (n);"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Contains(LockMode.AccessExclusive, statement.LocksOn("child"));
        Assert.Contains(LockMode.Share, statement.LocksOn("child"));
        Assert.Contains(statement.ConstraintChanges, c => c.Name == "child_n_key" && c.Type == ConstraintKind.Unique && c.Kind == ChangeKind.Added);
        Assert.Equal([TraceRuleIds.UniqueConstraint], result.Rules());
        Assert.Contains("CREATE UNIQUE INDEX CONCURRENTLY child_n_key ON public.child USING btree (n);", result.Finding(TraceRuleIds.UniqueConstraint).SafeRewrite, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unique_constraint_using_a_concurrently_built_index_is_not_reported()
    {
        var result = await TraceAsync(
            Migration("0001_index.sql", "CREATE UNIQUE INDEX CONCURRENTLY child_n_idx ON child (n);", inTransaction: false),
            Migration("0002_unique.sql", "SET lock_timeout = '2s';\nALTER TABLE child ADD CONSTRAINT child_n_key UNIQUE USING INDEX child_n_idx;"));

        var attach = result.Statement("ALTER TABLE");
        Assert.Equal([LockMode.AccessExclusive], attach.LocksOn("child"));
        Assert.Contains(attach.Notices, n => n.Contains("will rename index", StringComparison.Ordinal));
        Assert.Empty(result.Findings);
    }
}
