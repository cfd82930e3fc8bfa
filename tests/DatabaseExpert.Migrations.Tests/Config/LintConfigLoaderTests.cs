using DatabaseExpert.Migrations.Config;
using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Tests.Rules;

namespace DatabaseExpert.Migrations.Tests.Config;

public sealed class LintConfigLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dbx-lint-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Reads_every_setting()
    {
        var file = Write(".dbx.yaml", """
            lint:
              pgVersion: 12
              assumeInTransaction: true
              excludedRules: [prefer-text-field, require-timeout-settings]
              excludedPaths: ["legacy/**", "0000_*.sql"]
              rules:
                prefer-identity: off
                ban-drop-column: error
            """);

        var config = LintConfigLoader.Load(file);

        Assert.Equal((12, true), (config.PgVersion, config.AssumeInTransaction));
        Assert.Equal(["prefer-text-field", "require-lock-timeout", "require-statement-timeout"], config.ExcludedRules.Order(StringComparer.Ordinal));
        Assert.Null(config.SeverityOf("prefer-identity", Severity.Warning));
        Assert.Equal(Severity.Error, config.SeverityOf("ban-drop-column", Severity.Warning));
        Assert.Null(config.SeverityOf("require-lock-timeout", Severity.Warning));
        Assert.Equal(Severity.Warning, config.SeverityOf("prefer-jsonb", Severity.Warning));
        Assert.True(config.IsExcluded(Path.Combine(_root, "legacy", "a", "1.sql")));
        Assert.True(config.IsExcluded(Path.Combine(_root, "drizzle", "0000_init.sql")));
        Assert.False(config.IsExcluded(Path.Combine(_root, "drizzle", "0001_next.sql")));
    }

    [Fact]
    public void The_review_seed_is_a_path_relative_to_the_file()
    {
        Write("data/seed.sql", "insert into t values (1);");
        var file = Write(".dbx.yaml", "review:\n  seed: data/seed.sql\nlint:\n  pgVersion: 14\n");

        var config = LintConfigLoader.Load(file);

        Assert.Equal((Path.Combine(_root, "data", "seed.sql"), 14), (config.ReviewSeed, config.PgVersion));
    }

    [Theory]
    [InlineData("lint:\n  pgVersoin: 12\n", "2:3: error: unknown key `lint.pgVersoin`", "did you mean `pgVersion`?")]
    [InlineData("lint:\n  pgVersion: fifteen\n", "2:14: error: `lint.pgVersion` must be a PostgreSQL major version", "pgVersion: 15")]
    [InlineData("lint:\n  excludedRules: [ban-drop-colum]\n", "2:19: error: unknown rule `ban-drop-colum`", "did you mean `ban-drop-column`?")]
    [InlineData("lint:\n  rules:\n    prefer-jsonb: loud\n", "3:19: error: `loud` is not a severity", "off, info, warning or error")]
    [InlineData("lint:\n  assumeInTransaction: yes please\n", "2:24: error: `lint.assumeInTransaction` must be true or false", "true")]
    [InlineData("review:\n  base: main\n", "2:3: error: unknown key `review.base`", "the only key is `seed`")]
    [InlineData("review:\n  seed: missing.sql\n", "2:9: error: the seed file", "relative to this file")]
    [InlineData("reviews:\n  seed: x\n", "1:1: error: unknown key `reviews` in .dbx.yaml", "`lint:` and `review:`")]
    [InlineData("lint: [a\n", ": error: invalid YAML", "indentation")]
    [InlineData("lint:\n  ? [a, b]\n  : 1\n", "2:5: error: keys must be plain names", "name: value")]
    public void Mistakes_name_file_line_and_column_and_the_fix(string yaml, string where, string help)
    {
        var file = Write(".dbx.yaml", yaml);

        var error = Assert.Throws<LintConfigException>(() => LintConfigLoader.Load(file));

        Assert.StartsWith(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains(help, error.Message.Split("help:")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_the_nearest_file_up_to_the_git_root()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write("agent.yaml", "name: x\npersona: p.md\nlint:\n  pgVersion: 13\n");
        var nested = Write("app/db/.dbx.yaml", "lint:\n  pgVersion: 14\n");
        Write("app/db/migrations/0001.sql", "SELECT 1;");
        Write("app/other/0001.sql", "SELECT 1;");

        Assert.Equal(nested, LintConfigLoader.Find(Path.Combine(_root, "app/db/migrations/0001.sql")));
        Assert.Equal(13, LintConfigLoader.Discover(Path.Combine(_root, "app/other")).PgVersion);
        Assert.Null(LintConfigLoader.Find(Path.GetTempPath()) is { } found && found.StartsWith(_root, StringComparison.Ordinal) ? found : null);
    }

    [Fact]
    public void An_agent_yaml_without_a_lint_section_is_not_a_configuration()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write("agent.yaml", "name: x\npersona: p.md\n");

        Assert.Null(LintConfigLoader.Find(_root));
        Assert.Same(LintConfig.Empty, LintConfigLoader.Discover(_root));
    }

    [Fact]
    public void The_linter_applies_the_configuration()
    {
        var config = LintConfigLoader.Load(Write(".dbx.yaml", """
            lint:
              pgVersion: 10
              excludedPaths: ["skip.sql"]
              excludedRules: [prefer-robust-stmts, combine-alter-table]
              rules: { require-lock-timeout: off, ban-drop-column: error }
            """));
        var files = new[]
        {
            new MigrationFile(Path.Combine(_root, "skip.sql"), "skip.sql", "skip", "CREATE TABLE t (a int);", MigrationFormat.PlainSql, false),
            new MigrationFile(Path.Combine(_root, "next.sql"), "next.sql", "next",
                "ALTER TABLE t DROP COLUMN a;\nALTER TABLE t ADD COLUMN b text DEFAULT 'x';", MigrationFormat.PlainSql, false),
        };

        var result = MigrationLinter.Lint(files, new LintOptions { Config = config });

        Assert.Equal(
            [
                "1:15 ban-drop-column error DROP COLUMN t.a breaks application instances that still select, insert or update it",
                "2:15 adding-field-with-default error ADD COLUMN t.b with DEFAULT 'x' rewrites the table under an ACCESS EXCLUSIVE lock before "
                + "PostgreSQL 11 (the target is 10)",
            ],
            result.Findings.Select(RuleHarness.Render));
        Assert.Equal((1, 10), (result.Summary.Files, result.Summary.PgVersion));
        Assert.Contains(result.Notes, n => n.File == "skip.sql");
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
