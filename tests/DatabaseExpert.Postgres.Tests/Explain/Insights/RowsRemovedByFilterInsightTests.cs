namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class RowsRemovedByFilterInsightTests() : ShopTest("insight_removed")
{
    [Fact]
    public async Task An_index_scan_that_fetches_rows_only_to_discard_them_is_reported()
    {
        // Six months of orders come from the created_at index; only 2% of them have notes.
        var result = await Shop.AnalyzeAsync(
            "select id from orders where created_at >= '2024-03-01' and created_at < '2024-09-01' and notes is not null",
            ("enable_seqscan", "off"));

        var insight = InsightAssert.Single(result, "rows-removed-by-filter");
        var node = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Contains(node.NodeType, new[] { "Bitmap Heap Scan", "Index Scan" });
        Assert.Equal("orders", insight.Relation);
        Assert.True(node.RowsRemovedByFilter > 10_000);
        Assert.Equal(["notes", "created_at"], insight.Columns);
        Assert.StartsWith("CREATE INDEX CONCURRENTLY ON public.orders (notes, created_at);", insight.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_removes_few_rows_is_not_reported()
    {
        InsightAssert.None(
            await Shop.AnalyzeAsync("select id from orders where created_at >= '2024-03-01' and created_at < '2024-09-01' and status <> 'refunded'"),
            "rows-removed-by-filter");
    }
}
