namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class ParallelWorkersNotLaunchedInsightTests() : ShopTest("insight_parallel")
{
    [Fact]
    public async Task Workers_planned_but_none_available_are_reported_on_the_gather()
    {
        // The planner is made to want two workers while the pool allows none.
        var result = await Shop.AnalyzeAsync(
            "select count(*) from order_items where quantity > 1",
            ("max_parallel_workers_per_gather", "2"),
            ("max_parallel_workers", "0"),
            ("parallel_setup_cost", "0"),
            ("parallel_tuple_cost", "0"),
            ("min_parallel_table_scan_size", "0"));

        var insight = InsightAssert.Single(result, "parallel-workers-not-launched");
        var gather = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.StartsWith("Gather", gather.NodeType, StringComparison.Ordinal);
        Assert.Equal(2, gather.WorkersPlanned);
        Assert.Equal(0, gather.WorkersLaunched);
        Assert.Contains("max_parallel_workers = 0", insight.Message, StringComparison.Ordinal);
    }
}
