using System.Globalization;
using System.Text.RegularExpressions;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Health;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>
/// The clean shop fixture after a short realistic workload raises no alarm: every check ok, no warning or critical
/// finding. Checks that judge usage (unused indexes, cache hit ratio, N+1) have real statistics to judge here.
/// </summary>
[Collection(HealthCollection.Name)]
public sealed class CleanShopTests(CleanShopTests.CleanShop shop) : IClassFixture<CleanShopTests.CleanShop>
{
    [Fact]
    public void Every_check_is_ok()
    {
        Assert.All(shop.Report.Checks, check =>
        {
            Assert.True(check.Status == HealthStatus.Ok, $"{check.Check}: {check.Summary}\n{string.Join('\n', check.Findings.Select(f => $"{f.Object}: {f.Message}"))}");
            Assert.DoesNotContain(check.Findings, f => f.Severity != FindingSeverity.Info);
        });
        Assert.Equal(HealthStatus.Ok, shop.Report.Status);
        Assert.Equal(0, shop.Report.Summary.Findings);
    }

    [Fact]
    public void Usage_based_checks_had_activity_to_judge()
    {
        // The workload scanned the big tables enough that "unused" means something for their indexes (the three regular
        // indexes of 1 MB or more: orders by customer and by date, order_items by product), and all of them were used.
        var judged = Regex.Match(Check("unused-indexes").Summary, @"^judged (\d+) index\(es\)");
        Assert.True(judged.Success && int.Parse(judged.Groups[1].Value, CultureInfo.InvariantCulture) >= 3, Check("unused-indexes").Summary);
        Assert.DoesNotContain("not available", Check("n-plus-one").Summary, StringComparison.Ordinal);
        Assert.Empty(Check("n-plus-one").Findings);
        Assert.Empty(Check("unused-indexes").Findings);
    }

    [Fact]
    public void Fresh_copy_is_too_cold_to_judge_the_cache()
    {
        // Every block the workload needed was read from storage once: that says nothing about the working set.
        Assert.Contains("too few reads from storage to judge yet", Check("cache-hit-ratio").Summary, StringComparison.Ordinal);
    }

    private HealthCheckResult Check(string id) => shop.Report.Checks.Single(c => c.Check == id);

    public sealed class CleanShop : IAsyncLifetime
    {
        private TestDatabase? _database;

        public HealthReport Report { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await ShopDatabase.CreateAsync("health_clean");
            await _database.CreatePgStatStatementsAsync();
            await using (var connection = await _database.OpenConnectionAsync())
            {
                await ShopWorkload.RunAsync(connection);
            }

            await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("clean", _database.ConnectionString, ReadOnly: true));
            Report = await HealthChecker.RunAsync(handle, new HealthRequest());
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
