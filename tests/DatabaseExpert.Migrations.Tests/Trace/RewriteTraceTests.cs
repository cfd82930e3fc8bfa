using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Migrations.Trace.Rules;
using static DatabaseExpert.Migrations.Tests.Trace.TraceHarness;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class RewriteTraceTests
{
    [Fact]
    public async Task Add_column_with_a_volatile_default_rewrites_the_table_under_access_exclusive()
    {
        var result = await TraceAsync(Migration("0001_column.sql", "ALTER TABLE child ADD COLUMN score float8 DEFAULT random();"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Contains(LockMode.AccessExclusive, statement.LocksOn("child"));
        Assert.Contains(statement.Rewrites, r => r.Relation == "child" && r.Kind == RelationKind.Table && r.OldFileNode != r.NewFileNode);
        Assert.Contains(statement.ColumnChanges, c => c.Column == "score" && c.Kind == ChangeKind.Added && c.NewDefault == "random()");
        Assert.Equal([TraceRuleIds.LockWithoutTimeout, TraceRuleIds.TableRewrite], result.Rules());
        var rewrite = result.Finding(TraceRuleIds.TableRewrite);
        Assert.Contains("new column score DEFAULT random()", rewrite.Message, StringComparison.Ordinal);
        Assert.Contains("~20,000 rows", rewrite.Evidence, StringComparison.Ordinal);
        Assert.Contains("SET DEFAULT random()", rewrite.SafeRewrite, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_column_with_a_constant_default_does_not_rewrite()
    {
        var result = await TraceAsync(Migration("0001_column.sql", "SET lock_timeout = '2s';\nALTER TABLE child ADD COLUMN flag boolean NOT NULL DEFAULT false;"));

        Assert.Empty(result.Statement("ALTER TABLE").Rewrites);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task Integer_to_bigint_rewrites_the_table_and_its_indexes()
    {
        var result = await TraceAsync(Migration("0001_type.sql", "ALTER TABLE child ALTER COLUMN price TYPE bigint;"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Contains(LockMode.AccessExclusive, statement.LocksOn("child"));
        Assert.Contains(statement.Rewrites, r => r.Relation == "child");
        Assert.Contains(statement.Rewrites, r => r.Relation == "child_pkey" && r.Kind == RelationKind.Index);
        Assert.Contains(statement.ColumnChanges, c => c.Column == "price" && c.OldType == "integer" && c.NewType == "bigint");
        var rewrite = result.Finding(TraceRuleIds.TableRewrite);
        Assert.Contains("price integer → bigint", rewrite.Message, StringComparison.Ordinal);
        Assert.Contains("AccessExclusiveLock", rewrite.Evidence, StringComparison.Ordinal);
        Assert.Contains("ADD COLUMN price_new bigint", rewrite.SafeRewrite, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widening_a_varchar_keeps_the_storage()
    {
        var result = await TraceAsync(Migration("0001_type.sql", "ALTER TABLE child ALTER COLUMN code TYPE varchar(20);"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Contains(LockMode.AccessExclusive, statement.LocksOn("child"));
        Assert.Empty(statement.Rewrites);
        Assert.Contains(statement.ColumnChanges, c => c.Column == "code" && c.OldType == "character varying(10)" && c.NewType == "character varying(20)");
        Assert.Equal([TraceRuleIds.LockWithoutTimeout], result.Rules());
    }
}
