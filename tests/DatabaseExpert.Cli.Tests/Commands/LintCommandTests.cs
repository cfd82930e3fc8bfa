using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Commands;

public sealed class LintCommandTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.CreateEmpty();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Example_shop_text_lists_each_migration_finding_and_exits_1()
    {
        var result = await DbxRunner.RunAsync(["lint", "examples/shop"], new DbxRunOptions { WorkingDirectory = RepositoryPaths.Root });

        Assert.True(result.ExitCode == ExitCodes.Findings, result.ToString());
        var lines = result.Stdout.ReplaceLineEndings("\n").Split('\n');
        foreach (var expected in new[]
        {
            "examples/shop/drizzle/0000_init.sql:3:7 warning prefer-identity customers.id is serial",
            "examples/shop/drizzle/0000_init.sql:6:15 warning prefer-timestamptz customers.created_at is timestamp",
            "examples/shop/drizzle/0001_orders_status_index.sql:1:1 error require-concurrent-index-creation CREATE INDEX orders_status_idx",
            "examples/shop/drizzle/0002_customer_phone.sql:1:25 error adding-not-nullable-field ADD COLUMN phone text NOT NULL",
            "examples/shop/drizzle/0003_order_total_bigint.sql:1:22 error changing-column-type changing orders.total_cents from integer to bigint",
            "examples/shop/drizzle/0005_coupons.sql:9:22 error adding-foreign-key-constraint FOREIGN KEY orders_coupon_id_coupons_id_fk",
            "examples/shop/drizzle/0006_backfill_order_totals.sql:3:1 warning backfill-in-migration UPDATE on existing table orders",
        })
        {
            Assert.Contains(lines, l => l.StartsWith(expected, StringComparison.Ordinal));
        }

        // Grouped by file, with help, the offending SQL and the safe rewrite.
        var index = Array.FindIndex(lines, l => l.Contains("require-concurrent-index-creation", StringComparison.Ordinal));
        Assert.Equal("examples/shop/drizzle/0001_orders_status_index.sql", lines[index - 1]);
        Assert.StartsWith("  help: Build it with CREATE INDEX CONCURRENTLY", lines[index + 1], StringComparison.Ordinal);
        Assert.Equal("  | CREATE INDEX \"orders_status_idx\" ON \"orders\" USING btree (\"status\")", lines[index + 2]);
        Assert.Equal("  safe rewrite:", lines[index + 3]);
        Assert.Equal("  | CREATE INDEX CONCURRENTLY \"orders_status_idx\" ON \"orders\" USING btree (\"status\");", lines[index + 4]);
        // The new table of 0004 gets no lock finding.
        Assert.DoesNotContain(lines, l => l.StartsWith("examples/shop/drizzle/0004_reviews.sql", StringComparison.Ordinal)
            && (l.Contains("foreign-key", StringComparison.Ordinal) || l.Contains("concurrent", StringComparison.Ordinal)));
        Assert.StartsWith("7 files, 22 statements: 4 errors,", lines.Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_has_the_documented_shape()
    {
        var result = await DbxRunner.RunAsync(["lint", "examples/shop", "--format", "json"], new DbxRunOptions { WorkingDirectory = RepositoryPaths.Root });

        Assert.True(result.ExitCode == ExitCodes.Findings, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        foreach (var finding in findings)
        {
            foreach (var field in new[] { "rule", "severity", "file", "message", "help" })
            {
                Assert.False(string.IsNullOrEmpty(finding.GetProperty(field).GetString()), field);
            }

            Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
            Assert.True(finding.GetProperty("line").GetInt32() >= 1 && finding.GetProperty("column").GetInt32() >= 1);
        }

        var change = findings.Single(f => f.GetProperty("rule").GetString() == "changing-column-type");
        Assert.Equal("examples/shop/drizzle/0003_order_total_bigint.sql", change.GetProperty("file").GetString());
        Assert.Equal((1, 22, 1), (change.GetProperty("line").GetInt32(), change.GetProperty("column").GetInt32(), change.GetProperty("endLine").GetInt32()));
        Assert.Equal("ALTER TABLE \"orders\" ALTER COLUMN \"total_cents\" SET DATA TYPE bigint", change.GetProperty("sql").GetString());
        Assert.StartsWith("ALTER TABLE orders ADD COLUMN total_cents_new bigint;", change.GetProperty("safeRewrite").GetString(), StringComparison.Ordinal);
        Assert.Equal("lint", change.GetProperty("origin").GetString());
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal((7, 22, 4, 15), (summary.GetProperty("files").GetInt32(), summary.GetProperty("statements").GetInt32(),
            summary.GetProperty("errors").GetInt32(), summary.GetProperty("pgVersion").GetInt32()));
        Assert.Equal(findings.Count, summary.GetProperty("errors").GetInt32() + summary.GetProperty("warnings").GetInt32()
            + summary.GetProperty("infos").GetInt32());
        Assert.Equal(0, summary.GetProperty("notAnalysed").GetInt32());
        Assert.True(summary.GetProperty("durationMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task Fail_on_sets_the_exit_code()
    {
        _workspace.Write("m/0001.sql", "SET lock_timeout = '5s';\nALTER TABLE orders DROP COLUMN notes;\n");

        var byDefault = await DbxRunner.RunAsync(["lint", "m"], _workspace.Options());
        var onWarning = await DbxRunner.RunAsync(["lint", "m", "--fail-on", "warning"], _workspace.Options());
        var nonsense = await DbxRunner.RunAsync(["lint", "m", "--fail-on", "loud"], _workspace.Options());

        Assert.True(byDefault.ExitCode == ExitCodes.Ok, byDefault.ToString());
        Assert.Contains("m/0001.sql:2:20 warning ban-drop-column", byDefault.Stdout, StringComparison.Ordinal);
        Assert.True(onWarning.ExitCode == ExitCodes.Findings, onWarning.ToString());
        Assert.Equal(ExitCodes.Usage, nonsense.ExitCode);
        Assert.Contains("--fail-on 'loud' is not supported; use error, warning, info", nonsense.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_migration_exits_0()
    {
        _workspace.Write("0001_add_index.sql", "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);\n");

        var result = await DbxRunner.RunAsync(["lint", "0001_add_index.sql"], _workspace.Options());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.StartsWith("1 file, 2 statements: 0 errors, 0 warnings, 0 infos — PostgreSQL 15", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pg_version_and_assume_in_transaction_change_what_is_unsafe()
    {
        _workspace.Write("m.sql", "ALTER TABLE orders ADD COLUMN currency text DEFAULT 'EUR';\nCREATE INDEX CONCURRENTLY i ON orders (currency);\n");

        var plain = await DbxRunner.RunAsync(["lint", "m.sql", "--format", "json"], _workspace.Options());
        var old = await DbxRunner.RunAsync(["lint", "m.sql", "--format", "json", "--pg-version", "10", "--assume-in-transaction"], _workspace.Options());

        Assert.DoesNotContain("adding-field-with-default", plain.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ban-concurrent-index-creation-in-transaction", plain.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(old.Stdout);
        var rules = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("adding-field-with-default", rules);
        Assert.Contains("ban-concurrent-index-creation-in-transaction", rules);
        Assert.Equal(10, document.RootElement.GetProperty("summary").GetProperty("pgVersion").GetInt32());
    }

    [Fact]
    public async Task The_config_file_excludes_rules_and_sets_the_version()
    {
        _workspace.Write(".dbx.yaml", "lint:\n  pgVersion: 14\n  excludedRules: [ban-drop-column, require-timeout-settings]\n");
        _workspace.Write("m/0001.sql", "ALTER TABLE orders DROP COLUMN notes;\nALTER TABLE orders RENAME COLUMN a TO b;\n");

        var result = await DbxRunner.RunAsync(["lint", "m"], _workspace.Options());

        Assert.DoesNotContain("ban-drop-column", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("require-lock-timeout", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning renaming-column", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"PostgreSQL 14, config {_workspace.PathOf(".dbx.yaml")}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_usage_error_that_says_where()
    {
        _workspace.Write(".dbx.yaml", "lint:\n  excludedRules: [ban-drop-colum]\n");
        _workspace.Write("m.sql", "SELECT 1;");

        var badConfig = await DbxRunner.RunAsync(["lint", "m.sql"], _workspace.Options());
        var missing = await DbxRunner.RunAsync(["lint", "nope/0001.sql"], _workspace.Options());
        var noPath = await DbxRunner.RunAsync(["lint"], _workspace.Options());
        var badVersion = await DbxRunner.RunAsync(["lint", "m.sql", "--pg-version", "3"], _workspace.Options());

        Assert.Equal(ExitCodes.Usage, badConfig.ExitCode);
        Assert.Equal($"dbx: {_workspace.PathOf(".dbx.yaml")}:2:19: error: unknown rule `ban-drop-colum`", badConfig.StderrLines[0]);
        Assert.Contains("did you mean `ban-drop-column`?", badConfig.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Equal($"dbx: {_workspace.PathOf("nope/0001.sql")} does not exist. Pass a project folder, a migrations folder or a .sql file.", missing.StderrLines[0]);
        Assert.Equal(ExitCodes.Usage, noPath.ExitCode);
        Assert.Equal(ExitCodes.Usage, badVersion.ExitCode);
        Assert.Contains("--pg-version 3 is not a PostgreSQL major version", badVersion.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_db_the_catalog_knows_the_column_types_and_the_version()
    {
        await postgres.Database.ExecuteAsync("CREATE TABLE IF NOT EXISTS lint_accounts (id integer PRIMARY KEY, code varchar(10))");
        _workspace.Write("m.sql", "ALTER TABLE lint_accounts ALTER COLUMN code TYPE varchar(40);\nALTER TABLE lint_accounts ALTER COLUMN id TYPE bigint;\n");
        var serverMajor = await postgres.Database.ScalarAsync<int>("SELECT current_setting('server_version_num')::int / 10000");

        var offline = await DbxRunner.RunAsync(["lint", "m.sql", "--format", "json"], _workspace.Options());
        var online = await DbxRunner.RunAsync(["lint", "m.sql", "--format", "json", "--db", postgres.Database.Url], _workspace.Options());

        Assert.Equal(["warning", "warning"], TypeFindings(offline).Select(f => f.Severity));
        var found = TypeFindings(online);
        var rewrite = Assert.Single(found);
        Assert.Equal(("error", 2), (rewrite.Severity, rewrite.Line));
        using var document = JsonDocument.Parse(online.Stdout);
        Assert.Equal(serverMajor, document.RootElement.GetProperty("summary").GetProperty("pgVersion").GetInt32());
    }

    [Fact]
    public async Task Agent_yaml_may_hold_the_lint_section()
    {
        using var workspace = TestWorkspace.Create();
        File.AppendAllText(workspace.PathOf("agent.yaml"), "lint:\n  pgVersion: 13\n");
        workspace.Write("m.sql", "SELECT 1;");

        var validate = await DbxRunner.RunAsync(["agent", "validate"], workspace.Options());
        var lint = await DbxRunner.RunAsync(["lint", "m.sql"], workspace.Options());

        Assert.True(validate.ExitCode == ExitCodes.Ok, validate.ToString());
        Assert.Contains($"PostgreSQL 13, config {workspace.PathOf("agent.yaml")}", lint.Stdout, StringComparison.Ordinal);
    }

    private static List<(string? Severity, int Line)> TypeFindings(DbxResult result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "changing-column-type")
            .Select(f => (f.GetProperty("severity").GetString(), f.GetProperty("line").GetInt32()))];
    }
}
