namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class NestedLoopUnindexedInnerInsightTests() : ShopTest("insight_nestloop")
{
    // A left join keeps products on the outer side; hash and merge joins are off so the planner must loop.
    private const string ProductsWithCategories = "select p.name, c.name from products p left join categories c on c.id = p.category_id";

    private static readonly (string, string)[] LoopsOnly = [("enable_hashjoin", "off"), ("enable_mergejoin", "off")];

    [Fact]
    public async Task A_loop_over_an_unindexed_inner_side_suggests_the_join_key_index()
    {
        await Shop.Database.ExecuteAsync("alter table categories drop constraint categories_pkey cascade");

        var result = await Shop.AnalyzeAsync(ProductsWithCategories, LoopsOnly);

        var insight = InsightAssert.Single(result, "nested-loop-unindexed-inner");
        var loop = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Equal("Nested Loop", loop.NodeType);
        Assert.Equal("categories", insight.Relation);
        Assert.Equal(["id"], insight.Columns);
        Assert.Equal("CREATE INDEX CONCURRENTLY ON public.categories (id);", insight.Fix);
        Assert.Contains("5,000 times", insight.Message, StringComparison.Ordinal);
        InsightAssert.None(result, "rows-removed-by-filter");

        // With the index, each loop is one lookup.
        await Shop.Database.ExecuteAsync("CREATE INDEX ON public.categories (id); ANALYZE categories;");
        InsightAssert.None(await Shop.AnalyzeAsync(ProductsWithCategories, LoopsOnly), "nested-loop-unindexed-inner");
    }

    [Fact]
    public async Task A_loop_over_an_index_lookup_is_healthy()
    {
        var result = await Shop.AnalyzeAsync(ProductsWithCategories, LoopsOnly);

        Assert.Contains(result.Nodes, n => n.NodeType == "Nested Loop");
        InsightAssert.None(result, "nested-loop-unindexed-inner");
    }
}
