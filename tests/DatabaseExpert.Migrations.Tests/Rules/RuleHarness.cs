using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Rules;

/// <summary>
/// Snapshot-style rule tests: SQL in, the exact findings of one rule out, rendered as <c>line:col rule severity message</c>.
/// The SQL is the last migration of a history (<c>earlier</c> migrations run first, so their tables exist and their
/// column types are known), linted with everything else the real linter does (ignores, configuration, ordering).
/// </summary>
internal static class RuleHarness
{
    public const string FileName = "migration.sql";

    public static void Expect(
        string rule, string sql, string[] expected, string?[]? rewrites = null, int pgVersion = AnalysisSettings.DefaultPgVersion,
        bool inTransaction = false, string[]? earlier = null, IServerTypeInfo? types = null)
    {
        var findings = Lint(sql, pgVersion, inTransaction, earlier, types).Where(f => f.Rule == rule).ToList();
        Assert.Equal(expected, findings.Select(Render));
        if (rewrites is not null)
        {
            Assert.Equal(rewrites, findings.Select(f => f.SafeRewrite));
        }
    }

    public static IReadOnlyList<Finding> Lint(
        string sql, int pgVersion = AnalysisSettings.DefaultPgVersion, bool inTransaction = false, string[]? earlier = null,
        IServerTypeInfo? types = null, LintOptions? options = null)
    {
        var files = (earlier ?? [])
            .Select((text, i) => File($"{i:0000}_earlier.sql", text, inTransaction))
            .Append(File(FileName, sql, inTransaction))
            .ToList();
        var result = MigrationLinter.Lint(files, (options ?? new LintOptions()) with { PgVersion = pgVersion, Types = types });
        return [.. result.Findings.Where(f => f.File == FileName)];
    }

    public static string Render(Finding finding) =>
        $"{finding.Line}:{finding.Column} {finding.Rule} {finding.Severity.ToString().ToLowerInvariant()} {finding.Message}";

    private static MigrationFile File(string name, string text, bool inTransaction) =>
        new($"/migrations/{name}", name, Path.GetFileNameWithoutExtension(name), text,
            inTransaction ? MigrationFormat.Drizzle : MigrationFormat.PlainSql, inTransaction)
        {
            TransactionNote = inTransaction ? "drizzle-kit migrate runs all pending migrations in one transaction" : null,
        };
}
