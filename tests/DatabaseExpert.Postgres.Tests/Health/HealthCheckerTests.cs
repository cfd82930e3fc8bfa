using DatabaseExpert.Postgres.Health;
using DatabaseExpert.Testing.Postgres;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>The runner: selecting checks, turning failures into findings, and the thresholds that callers can move.</summary>
public sealed class HealthCheckerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public void Check_ids_are_unique_kebab_case_and_described()
    {
        Assert.Equal(HealthChecker.Checks.Count, HealthChecker.Checks.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(HealthChecker.Checks, c =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Title));
            Assert.EndsWith(".", c.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Unknown_check_is_refused_with_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            HealthTestDatabase.RunAsync(postgres.Database, new HealthRequest { Checks = ["unused-indexes", "bloaat"] }));

        Assert.Contains("'bloaat'", error.Message, StringComparison.Ordinal);
        Assert.Contains("known checks: invalid-indexes, unused-indexes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_requested_checks_run_in_report_order()
    {
        var report = await HealthTestDatabase.RunAsync(postgres.Database, new HealthRequest { Checks = ["n-plus-one", "invalid-indexes"] });

        Assert.Equal(["invalid-indexes", "n-plus-one"], report.Checks.Select(c => c.Check));
        Assert.Equal(postgres.Database.Name, report.Database);
        Assert.Matches(@"^\d+(\.\d+)?$", report.ServerVersion);
    }

    [Fact]
    public async Task A_check_that_cannot_get_its_lock_becomes_a_finding_and_the_others_still_run()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("health_lock");
        await database.ExecuteAsync("create table ledger (id bigint primary key, amount bigint not null)");
        await using var holder = await database.OpenConnectionAsync();
        await using (var begin = new NpgsqlCommand("begin; lock table ledger in access exclusive mode", holder))
        {
            await begin.ExecuteNonQueryAsync();
        }

        var report = await HealthTestDatabase.RunAsync(database, new HealthRequest { Checks = ["invalid-indexes", "bloat"], MaxParallelism = 2 });

        var bloat = report.Checks.Single(c => c.Check == "bloat");
        Assert.Equal(HealthStatus.Warning, bloat.Status);
        var finding = Assert.Single(bloat.Findings);
        Assert.Equal("bloat", finding.Object);
        Assert.Contains("waited too long for a lock", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("could not run:", bloat.Summary, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Ok, report.Checks.Single(c => c.Check == "invalid-indexes").Status);
    }

    [Fact]
    public async Task Connections_are_judged_against_the_usable_slots()
    {
        var result = await HealthTestDatabase.RunAsync(postgres.Database, "connections",
            HealthThresholds.Default with { ConnectionsWarningFraction = 0.0001, ConnectionsCriticalFraction = 2 });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("server", finding.Object);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        var maxConnections = int.Parse((await postgres.Database.ScalarAsync<string>("show max_connections"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(maxConnections, finding.Details["maxConnections"]);
        Assert.True((long)finding.Details["limit"]! < maxConnections, "reserved slots are not usable by ordinary clients");
        Assert.Contains("pooler", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wraparound_age_is_reported_per_database_and_table_past_the_warning_age()
    {
        await postgres.Database.ExecuteAsync("create table if not exists frozen_candidate (id int)");

        var result = await HealthTestDatabase.RunAsync(postgres.Database, "xid-wraparound", HealthThresholds.Default with { WraparoundWarningAge = 1 });

        Assert.Equal(HealthStatus.Warning, result.Status);
        var database = Assert.Single(result.Findings, f => f.Object == postgres.Database.Name);
        Assert.Contains("VACUUM (FREEZE, VERBOSE);", database.Fix, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Fix is { } fix && fix.StartsWith("VACUUM (FREEZE, VERBOSE) ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_pg_stat_statements_n_plus_one_says_how_to_enable_it()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("health_nostatements");

        var result = await HealthTestDatabase.RunAsync(database, "n-plus-one");

        Assert.Equal(HealthStatus.Ok, result.Status);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Contains("pg_stat_statements is not installed", finding.Message, StringComparison.Ordinal);
        Assert.Contains("shared_preload_libraries = 'pg_stat_statements'", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("CREATE EXTENSION pg_stat_statements;", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_database_is_healthy()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("health_empty");

        var report = await HealthTestDatabase.RunAsync(database, new HealthRequest());

        Assert.Equal(HealthStatus.Ok, report.Status);
        Assert.Equal(HealthChecker.Checks.Count, report.Summary.Ok);
        Assert.Contains("No findings: invalid-indexes, unused-indexes", report.ToModelText(), StringComparison.Ordinal);
    }
}
