using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules;
using DatabaseExpert.Migrations.Tests.Rules;

namespace DatabaseExpert.Migrations.Tests.Lint;

public sealed class MigrationLinterTests
{
    [Fact]
    public void A_rule_that_throws_becomes_not_analysed_and_the_others_still_run()
    {
        var options = new LintOptions { Rules = [new ThrowingRule(), new BanDropColumn()] };

        var findings = RuleHarness.Lint("ALTER TABLE t DROP COLUMN c;", options: options);

        Assert.Equal(
            [
                "1:1 not-analysed info rule test-throws failed on this statement (InvalidOperationException: boom); it was not checked by that rule",
                "1:15 ban-drop-column warning DROP COLUMN t.c breaks application instances that still select, insert or update it",
            ],
            findings.Select(RuleHarness.Render));
        Assert.Equal(FindingOrigin.Analysis, findings[0].Origin);
    }

    [Fact]
    public void Unreadable_sql_is_reported_not_thrown()
    {
        var findings = RuleHarness.Lint("""
            \connect shop
            ALTER TABLE t ADD COLUMN @@@ int;
            DO $$ BEGIN PERFORM 1; END $$;
            SELECT 'never closed
            """);

        Assert.Equal(
            [
                "1:1 not-analysed info psql meta-command \\connect skipped: dbx lints SQL only",
                "2:26 not-analysed info ALTER TABLE could not be read (expected a name here, found '@@@'); no rule checked this statement",
                "3:1 not-analysed info a DO block runs procedural code whose statements dbx does not read; no rule checked it",
                "4:8 syntax-error error unterminated string constant: the ' opened here is never closed",
            ],
            findings.Select(RuleHarness.Render).Where(l => !l.Contains("require-lock-timeout", StringComparison.Ordinal)));
    }

    [Fact]
    public void Findings_carry_the_statement_its_end_and_the_line_offset_of_the_file()
    {
        var file = new MigrationFile("/m/001.up.sql", "001.up.sql", "001", "SELECT 1;\nCREATE INDEX i\n  ON t (a);", MigrationFormat.GolangMigrate, false)
        {
            FirstLine = 10,
        };

        var result = MigrationLinter.Lint([file], new LintOptions());

        var finding = Assert.Single(result.Findings, f => f.Rule == "require-concurrent-index-creation");
        Assert.Equal((11, 1, 12), (finding.Line, finding.Column, finding.EndLine));
        Assert.Equal("CREATE INDEX i\n  ON t (a)", finding.Sql);
        Assert.Equal("CREATE INDEX CONCURRENTLY i\n  ON t (a);", finding.SafeRewrite);
        Assert.Equal("001.up.sql", finding.File);
    }

    [Fact]
    public void The_summary_counts_files_statements_and_severities()
    {
        var files = new[]
        {
            new MigrationFile("/m/1.sql", "1.sql", "1", "CREATE TABLE t (id serial PRIMARY KEY);", MigrationFormat.PlainSql, false),
            new MigrationFile("/m/2.sql", "2.sql", "2", "DO $$ BEGIN END $$; DROP TABLE t; DROP DATABASE d;", MigrationFormat.PlainSql, true),
        };

        var result = MigrationLinter.Lint(files, new LintOptions { PgVersion = 14 });

        Assert.Equal(new LintSummary(2, 4, 1, 4, 1, 1, result.Summary.DurationMs, 14), result.Summary);
        Assert.True(result.HasFindingsAtOrAbove(Severity.Error));
        Assert.Equal(["1.sql", "1.sql", "2.sql", "2.sql", "2.sql", "2.sql"], result.Findings.Select(f => f.File));
    }

    private sealed class ThrowingRule : IMigrationRule
    {
        public RuleInfo Info { get; } = new("test-throws", Severity.Error, "always throws");

        public void Check(RuleContext context) => throw new InvalidOperationException("boom");
    }
}
