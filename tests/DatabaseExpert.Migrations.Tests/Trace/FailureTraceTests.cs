using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Migrations.Trace.Rules;
using static DatabaseExpert.Migrations.Tests.Trace.TraceHarness;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class FailureTraceTests
{
    [Fact]
    public async Task Server_error_is_mapped_to_the_file_line_and_column_and_the_next_file_is_still_traced()
    {
        var result = await TraceAsync(
            Migration("0001_broken.sql", "SET lock_timeout = '2s';\n-- a typo in a column name\nUPDATE child\n  SET price = pricee + 1;"),
            Migration("0002_fine.sql", "SET lock_timeout = '2s';\nALTER TABLE child ADD COLUMN note text;"));

        var broken = result.Files[0];
        Assert.False(broken.Applied);
        Assert.Equal(("42703", 4, 15), (broken.Error!.SqlState, broken.Error.Line, broken.Error.Column));
        Assert.Equal(StatementOutcome.Failed, broken.Statements[^1].Outcome);
        var finding = result.Finding(TraceRuleIds.MigrationFailed);
        Assert.Equal(("0001_broken.sql", 4, 15, Severity.Error), (finding.File, finding.Line, finding.Column, finding.Severity));
        Assert.Contains("pricee", finding.Message, StringComparison.Ordinal);
        Assert.Contains("child.price", finding.Help, StringComparison.Ordinal);

        var fine = result.Files[1];
        Assert.True(fine.Applied);
        Assert.Contains(fine.Statements[1].ColumnChanges, c => c.Column == "note" && c.Kind == ChangeKind.Added);
    }

    [Fact]
    public async Task Failed_file_is_rolled_back_so_later_files_see_the_schema_without_it()
    {
        var result = await TraceAsync(
            Migration("0001_half.sql", "SET lock_timeout = '2s';\nALTER TABLE child ADD COLUMN note text;\nALTER TABLE child ADD COLUMN n int;"),
            Migration("0002_again.sql", "SET lock_timeout = '2s';\nALTER TABLE child ADD COLUMN note text;"));

        Assert.Equal("42701", result.Files[0].Error!.SqlState);
        Assert.True(result.Files[1].Applied);
    }

    [Fact]
    public async Task Not_null_column_without_default_fails_on_a_seeded_table_with_advice()
    {
        var result = await TraceAsync(Migration("0001_phone.sql", "ALTER TABLE child ADD COLUMN phone text NOT NULL;"));

        var finding = result.Finding(TraceRuleIds.MigrationFailed);
        Assert.Contains("23502", finding.Message, StringComparison.Ordinal);
        Assert.Contains("DEFAULT", finding.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_that_fails_stops_the_trace_with_a_setup_finding()
    {
        var result = await TraceAsync(new TraceRequest
        {
            History = [Migration("0000_tables.sql", Tables), Migration("0001_bad.sql", "CREATE TABLE parent (id int);")],
            Targets = [Migration("0002_target.sql", "CREATE TABLE x (id int);")],
        });

        Assert.False(result.SetupSucceeded);
        Assert.Empty(result.Files);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((TraceRuleIds.SetupFailed, "0001_bad.sql", 1), (finding.Rule, finding.File, finding.Line));
        Assert.Contains("history", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_that_does_not_match_the_schema_stops_the_trace()
    {
        var result = await TraceAsync(new TraceRequest
        {
            History = [Migration("0000_tables.sql", Tables)],
            Seed = new SeedScript("seed.sql", "INSERT INTO parent (id) VALUES (1);\nINSERT INTO child (id, missing) VALUES (1, 2);"),
            Targets = [Migration("0001_target.sql", "CREATE TABLE x (id int);")],
        });

        var finding = Assert.Single(result.Findings);
        Assert.Equal((TraceRuleIds.SetupFailed, "seed.sql", 2), (finding.Rule, finding.File, finding.Line));
        Assert.Contains("seed", finding.Message, StringComparison.Ordinal);
    }
}
