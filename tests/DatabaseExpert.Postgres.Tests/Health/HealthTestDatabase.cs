using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Health;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>Runs health checks against a test database the way <c>dbx health</c> does.</summary>
internal static class HealthTestDatabase
{
    public static async Task<HealthCheckResult> RunAsync(TestDatabase database, string check, HealthThresholds? thresholds = null)
    {
        var report = await RunAsync(database, new HealthRequest { Checks = [check], Thresholds = thresholds ?? HealthThresholds.Default });
        return Assert.Single(report.Checks);
    }

    public static async Task<HealthReport> RunAsync(TestDatabase database, HealthRequest request)
    {
        await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("test", database.ConnectionString, ReadOnly: true));
        return await HealthChecker.RunAsync(handle, request);
    }
}
