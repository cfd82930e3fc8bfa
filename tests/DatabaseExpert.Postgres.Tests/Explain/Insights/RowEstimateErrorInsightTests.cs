using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class RowEstimateErrorInsightTests() : ShopTest("insight_estimate")
{
    [Fact]
    public async Task A_function_on_a_column_is_guessed_and_underestimated()
    {
        // id % 2 = 0 keeps half the rows; with no statistics on the expression the planner guesses 0.5%.
        var result = await Shop.AnalyzeAsync("select * from orders where (id % 2) = 0");

        var insight = InsightAssert.Single(result, "row-estimate-error");
        var scan = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Equal("Seq Scan", insight.NodeType);
        Assert.Equal("orders", insight.Relation);
        Assert.Equal(InsightSeverity.Warning, insight.Severity);
        Assert.InRange(scan.ActualRows!.Value / scan.PlanRows, 10, 1000);
        Assert.Contains("under-estimate", insight.Message, StringComparison.Ordinal);
        Assert.Equal(["id"], insight.Columns);
        Assert.Contains("CREATE STATISTICS", insight.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correlated_columns_are_reported_with_extended_statistics_as_the_fix()
    {
        // A zip code belongs to one city, but the planner multiplies their selectivities as if independent.
        const string sql = "select * from customers where city in ('City 7', 'City 8') and zip in ('10049', '10056')";
        var result = await Shop.AnalyzeAsync(sql);

        var insight = InsightAssert.Single(result, "row-estimate-error");
        Assert.Equal("customers", insight.Relation);
        Assert.True(insight.Severity >= InsightSeverity.Warning, insight.Message);
        Assert.Equal(["city", "zip"], insight.Columns);
        Assert.Contains("CREATE STATISTICS customers_city_zip_stats (dependencies, ndistinct, mcv) ON city, zip FROM public.customers;", insight.Fix, StringComparison.Ordinal);

        // Applying the fix removes the finding (a statistics target that samples the whole table keeps ANALYZE deterministic).
        await Shop.Database.ExecuteAsync(
            "CREATE STATISTICS customers_city_zip_stats (dependencies, ndistinct, mcv) ON city, zip FROM public.customers; "
            + "ALTER STATISTICS customers_city_zip_stats SET STATISTICS 1000; ANALYZE customers;");
        InsightAssert.None(await Shop.AnalyzeAsync(sql), "row-estimate-error");
    }

    [Fact]
    public async Task An_overestimate_of_a_query_that_ran_to_completion_is_critical()
    {
        // Pending orders are never shipped: the planner expects half of them to be.
        var result = await Shop.AnalyzeAsync("select * from orders where status = 'pending' and shipped_at is not null");

        var insight = InsightAssert.Single(result, "row-estimate-error");
        Assert.Equal(InsightSeverity.Critical, insight.Severity);
        Assert.Contains("over-estimate", insight.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_is_reported_where_it_starts_not_on_every_node_above()
    {
        var result = await Shop.AnalyzeAsync("select * from orders where (id % 2) = 0 order by created_at");

        var insight = InsightAssert.Single(result, "row-estimate-error");
        Assert.Equal("Seq Scan", insight.NodeType);
        var sort = result.Root;
        Assert.Equal("Sort", sort.NodeType);
        Assert.True(sort.ActualRows / sort.PlanRows >= 10);
    }

    [Fact]
    public async Task Plain_explain_has_no_actual_rows_to_compare()
    {
        var result = await Shop.ExplainAsync(new ExplainRequest("select * from orders where (id % 2) = 0") { SessionSettings = ShopExplainer.Serial });

        InsightAssert.None(result, "row-estimate-error");
    }
}
