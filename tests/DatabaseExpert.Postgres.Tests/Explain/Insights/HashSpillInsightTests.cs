namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class HashSpillInsightTests() : ShopTest("insight_hash")
{
    private const string OrdersWithEmails = "select o.id, c.email from orders o join customers c on c.id = o.customer_id";

    [Fact]
    public async Task A_hash_join_in_batches_names_a_work_mem_for_one_batch()
    {
        var result = await Shop.AnalyzeAsync(OrdersWithEmails, ("work_mem", "64kB"));

        var insight = InsightAssert.Single(result, "hash-spill");
        var hash = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Equal("Hash", hash.NodeType);
        Assert.True(hash.HashBatches > 1);
        Assert.Equal("customers", insight.Relation);

        var suggested = SortSpillInsightTests.WorkMem().Match(insight.Fix).Groups[1].Value;
        var after = await Shop.AnalyzeAsync(OrdersWithEmails, ("work_mem", suggested));
        InsightAssert.None(after, "hash-spill");
        Assert.Equal(1, after.Nodes.Single(n => n.NodeType == "Hash").HashBatches);
    }

    [Fact]
    public async Task A_hash_aggregate_that_spills_is_reported()
    {
        var result = await Shop.AnalyzeAsync(
            "select order_id, sum(quantity) from order_items group by order_id",
            ("work_mem", "64kB"), ("enable_sort", "off"), ("enable_indexscan", "off"), ("enable_indexonlyscan", "off"), ("enable_bitmapscan", "off"));

        var insight = InsightAssert.Single(result, "hash-spill");
        var aggregate = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Equal("HashAggregate", aggregate.Label);
        Assert.True(aggregate.DiskUsageKb > 0);
        Assert.Equal("order_items", insight.Relation);
    }

    [Fact]
    public async Task A_hash_in_one_batch_is_not_reported()
    {
        var result = await Shop.AnalyzeAsync(OrdersWithEmails);

        Assert.Equal(1, result.Nodes.Single(n => n.NodeType == "Hash").HashBatches);
        InsightAssert.None(result, "hash-spill");
    }
}
