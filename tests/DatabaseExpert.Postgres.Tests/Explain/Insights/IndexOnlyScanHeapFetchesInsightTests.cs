namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class IndexOnlyScanHeapFetchesInsightTests() : ShopTest("insight_heapfetch")
{
    private const string CustomerDates = "select customer_id, created_at from orders where customer_id < 4000";

    private static readonly (string, string)[] IndexOnly = [("enable_seqscan", "off"), ("enable_bitmapscan", "off")];

    [Fact]
    public async Task Rows_changed_since_the_last_vacuum_send_the_scan_to_the_table()
    {
        // The test server commits asynchronously, and VACUUM cannot mark a page all-visible while the commit of its rows is
        // not flushed yet. A synchronous commit flushes everything before it, so each write here commits synchronously.
        // Autovacuum is off for the table so that only these VACUUMs change its visibility map.
        await Shop.Database.ExecuteAsync("set synchronous_commit = on; alter table orders set (autovacuum_enabled = false);");
        await Shop.Database.ExecuteAsync("VACUUM orders");
        InsightAssert.None(await Shop.AnalyzeAsync(CustomerDates, IndexOnly), "index-only-scan-heap-fetches");

        await Shop.Database.ExecuteAsync("set synchronous_commit = on; update orders set notes = 'checked' where customer_id < 4000;");
        var result = await Shop.AnalyzeAsync(CustomerDates, IndexOnly);

        var insight = InsightAssert.Single(result, "index-only-scan-heap-fetches");
        var scan = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Equal("Index Only Scan", scan.NodeType);
        Assert.Equal("orders", insight.Relation);
        Assert.True(scan.HeapFetches > 0);
        Assert.StartsWith("VACUUM (ANALYZE) public.orders;", insight.Fix, StringComparison.Ordinal);

        await Shop.Database.ExecuteAsync("VACUUM (ANALYZE) public.orders");
        InsightAssert.None(await Shop.AnalyzeAsync(CustomerDates, IndexOnly), "index-only-scan-heap-fetches");
    }
}
