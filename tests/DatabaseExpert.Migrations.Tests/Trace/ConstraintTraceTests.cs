using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Migrations.Trace.Rules;
using static DatabaseExpert.Migrations.Tests.Trace.TraceHarness;

using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class ConstraintTraceTests
{
    private const string LockTimeout = "SET lock_timeout = '2s';\n";

    [Fact]
    public async Task Set_not_null_scans_under_access_exclusive_without_rewriting()
    {
        var result = await TraceAsync(Migration("0001_not_null.sql", LockTimeout + "ALTER TABLE child ALTER COLUMN n SET NOT NULL;"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Contains(LockMode.AccessExclusive, statement.LocksOn("child"));
        Assert.Empty(statement.Rewrites);
        Assert.Contains(statement.ColumnChanges, c => c.Column == "n" && c.OldNotNull == false && c.NewNotNull == true);
        Assert.Equal([TraceRuleIds.NotNullScan], result.Rules());
        var finding = result.Finding(TraceRuleIds.NotNullScan);
        Assert.Equal(2, finding.Line);
        Assert.Contains("CHECK (n IS NOT NULL) NOT VALID", finding.SafeRewrite, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_not_null_proven_by_a_valid_check_is_not_reported()
    {
        var result = await TraceAsync(
            Migration("0001_check.sql", LockTimeout + "ALTER TABLE child ADD CONSTRAINT child_n_nn CHECK (n IS NOT NULL) NOT VALID;"),
            Migration("0002_validate.sql", "ALTER TABLE child VALIDATE CONSTRAINT child_n_nn;"),
            Migration("0003_not_null.sql", LockTimeout + "ALTER TABLE child ALTER COLUMN n SET NOT NULL;"));

        Assert.Contains(result.Statement("ALTER TABLE child ALTER").ColumnChanges, c => c.Column == "n" && c.NewNotNull == true);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task Foreign_key_locks_both_tables_share_row_exclusive_and_validates_every_row()
    {
        var result = await TraceAsync(Migration(
            "0001_fk.sql",
            LockTimeout + "CREATE INDEX child_parent_idx ON child (parent_id);\nALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id);"));

        var statement = result.Statement("ALTER TABLE");
        Assert.Contains(LockMode.ShareRowExclusive, statement.LocksOn("child"));
        Assert.Contains(LockMode.ShareRowExclusive, statement.LocksOn("parent"));
        Assert.Contains(statement.ConstraintChanges, c => c.Name == "child_parent_fk" && c.Type == ConstraintKind.ForeignKey && c.Validated);
        Assert.Equal([TraceRuleIds.ConstraintValidationScan, TraceRuleIds.IndexNotConcurrent], result.Rules());
        var scan = result.Finding(TraceRuleIds.ConstraintValidationScan);
        Assert.Equal(3, scan.Line);
        Assert.StartsWith("ShareRowExclusiveLock on child", scan.Evidence, StringComparison.Ordinal);
        Assert.Equal(
            "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id) NOT VALID;\n"
            + "-- in a separate transaction (a later migration):\nALTER TABLE child VALIDATE CONSTRAINT child_parent_fk;",
            scan.SafeRewrite);
    }

    [Fact]
    public async Task Foreign_key_not_valid_then_validate_takes_share_update_exclusive_for_the_scan()
    {
        var result = await TraceAsync(
            Migration("0001_index.sql", "CREATE INDEX CONCURRENTLY child_parent_idx ON child (parent_id);", inTransaction: false),
            Migration("0002_fk.sql", LockTimeout + "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;"),
            Migration("0003_validate.sql", "ALTER TABLE child VALIDATE CONSTRAINT child_parent_fk;"));

        Assert.Contains(result.Statement("ALTER TABLE child ADD").ConstraintChanges, c => c.Name == "child_parent_fk" && !c.Validated);
        var validate = result.Statement("ALTER TABLE child VALIDATE");
        Assert.Equal(LockMode.ShareUpdateExclusive, validate.LocksOn("child").Max());
        Assert.Equal(LockMode.RowShare, validate.LocksOn("parent").Max());
        Assert.Contains(validate.ConstraintChanges, c => c.Name == "child_parent_fk" && c.Kind == ChangeKind.Altered && c.Validated);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task Check_constraint_added_valid_is_a_validation_scan_but_not_valid_is_not()
    {
        var valid = await TraceAsync(Migration("0001_check.sql", LockTimeout + "ALTER TABLE child ADD CONSTRAINT child_price_positive CHECK (price > 0);"));
        var notValid = await TraceAsync(Migration("0001_check.sql", LockTimeout + "ALTER TABLE child ADD CONSTRAINT child_price_positive CHECK (price > 0) NOT VALID;"));

        Assert.Contains(LockMode.AccessExclusive, valid.Statement("ALTER TABLE").LocksOn("child"));
        Assert.Equal([TraceRuleIds.ConstraintValidationScan], valid.Rules());
        Assert.Contains("AccessExclusiveLock", valid.Finding(TraceRuleIds.ConstraintValidationScan).Message, StringComparison.Ordinal);
        Assert.Contains(notValid.Statement("ALTER TABLE").ConstraintChanges, c => c.Name == "child_price_positive" && !c.Validated);
        Assert.Empty(notValid.Findings);
    }

    [Fact]
    public async Task Foreign_key_without_an_index_on_its_columns_is_reported_with_the_index_to_build()
    {
        var result = await TraceAsync(Migration(
            "0001_fk.sql", LockTimeout + "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;"));

        var finding = result.Finding(TraceRuleIds.ForeignKeyWithoutIndex);
        Assert.Equal(2, finding.Line);
        Assert.Equal("CREATE INDEX CONCURRENTLY child_parent_id_idx ON child (parent_id);", finding.SafeRewrite);
        Assert.Equal([TraceRuleIds.ForeignKeyWithoutIndex], result.Rules());
    }

    [Fact]
    public async Task Exclusion_constraint_is_reported()
    {
        var result = await TraceAsync(Migration("0001_exclude.sql", LockTimeout + "ALTER TABLE child ADD CONSTRAINT child_n_excl EXCLUDE USING btree (n WITH =);"));

        Assert.Contains(LockMode.AccessExclusive, result.Statement("ALTER TABLE").LocksOn("child"));
        Assert.Equal([TraceRuleIds.ExclusionConstraint], result.Rules());
    }
}
