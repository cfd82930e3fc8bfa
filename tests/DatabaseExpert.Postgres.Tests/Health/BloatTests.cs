using DatabaseExpert.Postgres.Health;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>
/// The bloat estimate against real tables: close to the real size when a table and its indexes are freshly written,
/// and reporting the space that deleting three rows in four leaves behind, for the heap and for its b-trees.
/// </summary>
public sealed class BloatTests
{
    private const string Events = """
        create table events (
            id bigint generated always as identity primary key,
            kind integer not null,
            at timestamptz not null,
            note text);
        insert into events (kind, at, note)
        select g % 10, timestamptz '2024-01-01' + g * interval '1 minute', case when g % 3 = 0 then 'note ' || g end
        from generate_series(1, 200000) g;
        create index events_at_idx on events (at);
        """;

    private const string DeleteThreeInFour = "delete from events where id % 4 <> 0";

    // Sized for this table (~12 MB heap, ~4-5 MB per index) instead of the production 10 MB floor.
    private static readonly HealthThresholds Small = HealthThresholds.Default with { BloatWarningBytes = HealthThresholds.MiB };

    [Fact]
    public async Task Freshly_written_table_and_indexes_match_the_estimate()
    {
        await using var database = await CreateAsync();

        // Within 10% of what the live rows need: no finding even at a 10% threshold.
        var result = await HealthTestDatabase.RunAsync(database, "bloat", Small with { BloatWarningPercent = 10 });

        Assert.Equal(HealthStatus.Ok, result.Status);
        Assert.Empty(result.Findings);
        Assert.Contains("3 estimated", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_three_rows_in_four_bloats_the_heap_and_every_btree()
    {
        await using var database = await CreateAsync();
        await database.ExecuteAsync(DeleteThreeInFour);
        await database.ExecuteAsync("vacuum analyze events");

        var result = await HealthTestDatabase.RunAsync(database, "bloat", Small);

        var findings = result.Findings.ToDictionary(f => f.Object);
        Assert.Equal(["public.events", "public.events_at_idx", "public.events_pkey"], findings.Keys.Order(StringComparer.Ordinal));
        Assert.All(findings.Values, f => Assert.InRange((double)f.Details["wastedPercent"]!, 60, 80));
        Assert.All(findings.Values, f => Assert.Equal("estimate", f.Details["method"]));
        Assert.Equal("index", findings["public.events_at_idx"].Details["kind"]);
        Assert.Equal("public.events", findings["public.events_at_idx"].Details["table"]);
        Assert.StartsWith("REINDEX INDEX CONCURRENTLY public.events_at_idx;", findings["public.events_at_idx"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewriting_the_table_clears_the_finding()
    {
        await using var database = await CreateAsync();
        await database.ExecuteAsync(DeleteThreeInFour);
        await database.ExecuteAsync("vacuum analyze events");
        await database.ExecuteAsync("vacuum (full, analyze) events");

        var result = await HealthTestDatabase.RunAsync(database, "bloat", Small);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task With_pgstattuple_installed_flagged_relations_are_measured()
    {
        await using var database = await CreateAsync();
        await database.ExecuteAsync(DeleteThreeInFour);
        await database.ExecuteAsync("vacuum analyze events");
        await database.CreateExtensionAsync("pgstattuple");

        var result = await HealthTestDatabase.RunAsync(database, "bloat", Small);

        Assert.Equal(3, result.Findings.Count);
        Assert.All(result.Findings, f =>
        {
            Assert.Equal("pgstattuple", f.Details["method"]);
            Assert.InRange((double)f.Details["wastedPercent"]!, 60, 80);
        });
        Assert.Contains("measured with pgstattuple", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_without_statistics_are_not_guessed()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("health_bloat");
        await database.ExecuteAsync("""
            create table raw_import (line text) with (autovacuum_enabled = false);
            insert into raw_import select repeat('x', 200) from generate_series(1, 100000);
            """);

        var result = await HealthTestDatabase.RunAsync(database, "bloat", Small);

        Assert.Empty(result.Findings);
        Assert.Contains("1 relation(s) without statistics not estimated (run ANALYZE)", result.Summary, StringComparison.Ordinal);
    }

    private static async Task<TestDatabase> CreateAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync("health_bloat");
        await database.ExecuteAsync(Events);

        // VACUUM cannot share a batch with other statements.
        await database.ExecuteAsync("vacuum analyze events");
        return database;
    }
}
