using DatabaseExpert.Postgres.Advisor;
using DatabaseExpert.Postgres.Connections;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Advisor;

public sealed class StatStatementsWorkloadTests
{
    private const string ItemsByProduct = "SELECT oi.order_id, oi.quantity FROM order_items oi WHERE oi.product_id = {0}";
    private const string OrdersOfCustomer = "SELECT id, status, total_cents FROM orders WHERE customer_id = {0} ORDER BY created_at DESC LIMIT 10";
    private const string ShippedInWeek = "SELECT count(*) FROM orders WHERE shipped_at >= '2025-03-0{0}' AND shipped_at < '2025-03-1{0}'";
    private const string OrderById = "SELECT * FROM orders WHERE id = {0}";

    [Fact]
    public async Task Advises_on_recorded_statements_weighted_by_calls_with_generic_plans()
    {
        await using var shop = await ShopWorkload.CreateDatabaseAsync("advisor_pss");
        await shop.CreatePgStatStatementsAsync();

        // Only this database's entries: other test classes share the server's pg_stat_statements.
        await shop.ExecuteAsync("select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)");
        await using (var connection = await shop.OpenConnectionAsync())
        {
            await RunAsync(connection, ItemsByProduct, 40);
            await RunAsync(connection, OrdersOfCustomer, 25);
            await RunAsync(connection, ShippedInWeek, 9);
            await RunAsync(connection, OrderById, 200);
        }

        await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("shop", shop.ConnectionString, ReadOnly: false));
        var result = await IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromStatStatements(top: 10) with { Verify = true });

        Assert.Equal("pg_stat_statements", result.Source);
        var items = Recorded(result, "FROM order_items oi WHERE oi.product_id = $1", calls: 40);
        var orders = Recorded(result, "WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2", calls: 25);
        var shipped = Recorded(result, "WHERE shipped_at >= $1 AND shipped_at < $2", calls: 9);
        var byId = Recorded(result, "FROM orders WHERE id = $1", calls: 200);

        Assert.Equal(result.Queries.Sum(q => q.Weight * q.CostBefore), result.WorkloadCostBefore, 0.1);
        Assert.True(result.WorkloadCostAfter < result.WorkloadCostBefore * 0.5, $"{result.WorkloadCostBefore} → {result.WorkloadCostAfter}");
        AssertServedBy(result, items, "order_items", "product_id");
        AssertServedBy(result, orders, "orders", "customer_id");
        AssertServedBy(result, shipped, "orders", "shipped_at");
        Assert.Empty(byId.Indexes);
        Assert.Equal(byId.CostBefore, byId.CostAfter);

        // Normalised statements have no values to run them with: verification says so instead of timing NULLs.
        Assert.NotNull(result.Verification);
        Assert.NotEmpty(result.Verification.Queries);
        Assert.All(result.Verification.Queries, q =>
        {
            Assert.Null(q.BeforeMs);
            Assert.Contains("$n parameters", q.NotTimedReason, StringComparison.Ordinal);
        });

        var top = await IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromStatStatements(top: 2));
        Assert.Equal(2, top.Queries.Count);
        Assert.DoesNotContain(top.Queries, q => q.Query.Contains("FROM orders WHERE id = $1", StringComparison.Ordinal));
    }

    private static QueryCost Recorded(AdviseResult result, string text, long calls)
    {
        var query = Assert.Single(result.Queries, q => q.Query.Contains(text, StringComparison.Ordinal));
        Assert.Equal(calls, query.Calls);
        Assert.Equal(calls, query.Weight);
        Assert.True(query.MeanTimeMs > 0);
        Assert.StartsWith("pg_stat_statements queryid ", query.Source, StringComparison.Ordinal);
        return query;
    }

    private static void AssertServedBy(AdviseResult result, QueryCost query, string table, string leadingColumn)
    {
        var index = Assert.Single(query.Indexes);
        var recommendation = Assert.Single(result.Recommendations, r => r.Name == index);
        Assert.Equal(table, recommendation.Table);
        Assert.Equal(leadingColumn, recommendation.Columns[0]);
        Assert.True(query.CostAfter < query.CostBefore * 0.5, $"{query.Query}: {query.CostBefore} → {query.CostAfter}");
    }

    private static async Task RunAsync(NpgsqlConnection connection, string template, int times)
    {
        for (var i = 1; i <= times; i++)
        {
            await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, i), connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }
    }
}
