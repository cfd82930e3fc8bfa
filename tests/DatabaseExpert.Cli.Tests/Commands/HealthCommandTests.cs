using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Postgres.Health;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Commands;

/// <summary>
/// <c>dbx health</c> against a database with one warning-level problem (a table without a primary key) and one
/// critical one (a smallint sequence at 97.7%): the JSON contract, the text layout, --check, --fail-on and exit codes.
/// </summary>
public sealed class HealthCommandTests(HealthCommandTests.Database database) : IClassFixture<HealthCommandTests.Database>, IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Json_has_every_check_with_status_and_findings()
    {
        var result = await RunAsync("health", "--format", "json", "--fail-on", "never");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal("critical", root.GetProperty("status").GetString());
        Assert.Equal(database.Name, root.GetProperty("database").GetString());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(HealthChecker.Checks.Select(c => c.Id), checks.Select(c => c.GetProperty("check").GetString()));
        Assert.All(checks, c => Assert.Contains(c.GetProperty("status").GetString(), new[] { "ok", "warning", "critical" }));

        var missingKey = checks.Single(c => c.GetProperty("check").GetString() == "tables-without-primary-key");
        Assert.Equal("warning", missingKey.GetProperty("status").GetString());
        var finding = Assert.Single(missingKey.GetProperty("findings").EnumerateArray());
        Assert.Equal("public.import_rows", finding.GetProperty("object").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Contains("PRIMARY KEY", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, finding.GetProperty("details").ValueKind);

        var sequence = checks.Single(c => c.GetProperty("check").GetString() == "sequence-exhaustion");
        Assert.Equal("critical", sequence.GetProperty("status").GetString());
        Assert.Equal("public.ticket_no", Assert.Single(sequence.GetProperty("findings").EnumerateArray()).GetProperty("object").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("critical").GetInt32());
    }

    [Fact]
    public async Task Text_groups_problems_by_check_with_their_fixes_then_lists_the_quiet_checks()
    {
        var result = await RunAsync("health", "--fail-on", "never");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith($"{database.Name} (PostgreSQL ", lines[0], StringComparison.Ordinal);
        var critical = Array.FindIndex(lines, l => l.StartsWith("critical  sequence-exhaustion", StringComparison.Ordinal));
        var warning = Array.FindIndex(lines, l => l.StartsWith("warning   tables-without-primary-key", StringComparison.Ordinal));
        Assert.True(critical > 0 && warning > critical, result.Stdout);
        Assert.Contains(lines, l => l.Trim() == "fix: ALTER SEQUENCE public.ticket_no AS bigint NO MAXVALUE;");
        Assert.Contains(lines, l => l.StartsWith("ok        invalid-indexes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Default_fails_on_critical_only()
    {
        Assert.Equal(ExitCodes.Findings, (await RunAsync("health")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("health", "--check", "tables-without-primary-key")).ExitCode);
        Assert.Equal(ExitCodes.Findings, (await RunAsync("health", "--check", "tables-without-primary-key", "--fail-on", "warning")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await RunAsync("health", "--fail-on", "never")).ExitCode);
    }

    [Fact]
    public async Task Check_accepts_repeats_and_commas_and_keeps_report_order()
    {
        var result = await RunAsync("health", "--format", "json", "--check", "n-plus-one,invalid-indexes", "--check", "connections");

        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            ["invalid-indexes", "connections", "n-plus-one"],
            document.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("check").GetString()));
    }

    [Fact]
    public async Task Unknown_check_is_a_usage_error_naming_the_known_ones()
    {
        var result = await RunAsync("health", "--check", "bloat,unused");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--check 'unused' is not a health check (did you mean 'unused-indexes'?)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("known checks: invalid-indexes, unused-indexes", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Bad_options_are_usage_errors()
    {
        Assert.Equal(ExitCodes.Usage, (await RunAsync("health", "--fail-on", "error")).ExitCode);
        var timeout = await RunAsync("health", "--timeout", "0");
        Assert.Equal(ExitCodes.Usage, timeout.ExitCode);
        Assert.Contains("--timeout 0 is out of range", timeout.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_is_a_runtime_error()
    {
        var result = await DbxRunner.RunAsync(
            ["health", "--db", "postgres://nobody:secret-pw@127.0.0.1:1/none"], _workspace.Options(TestEnvironment.Base()));

        Assert.Equal(ExitCodes.Runtime, result.ExitCode);
        Assert.Contains("cannot connect", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", result.Stderr, StringComparison.Ordinal);
    }

    private Task<DbxResult> RunAsync(params string[] args)
    {
        var environment = TestEnvironment.Base();
        environment["DATABASE_URL"] = database.Url;
        return DbxRunner.RunAsync(args, _workspace.Options(environment) with { Timeout = TimeSpan.FromSeconds(60) });
    }

    public sealed class Database : IAsyncLifetime
    {
        private TestDatabase? _database;

        public string Name => _database!.Name;

        public string Url => _database!.Url;

        public async Task InitializeAsync()
        {
            _database = await PostgresServer.CreateDatabaseAsync("cli_health");
            await _database.ExecuteAsync("""
                create table import_rows (line text not null);
                insert into import_rows select 'row ' || g from generate_series(1, 100) g;
                analyze import_rows;
                create sequence ticket_no as smallint;
                select setval('ticket_no', 32000);
                """);
        }

        public async Task DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
