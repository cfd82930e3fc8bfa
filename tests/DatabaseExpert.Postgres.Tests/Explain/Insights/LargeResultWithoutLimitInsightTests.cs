using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class LargeResultWithoutLimitInsightTests() : ShopTest("insight_result")
{
    [Fact]
    public async Task Every_order_without_a_limit_is_reported_on_the_root()
    {
        var result = await Shop.AnalyzeAsync("select id, status from orders order by created_at");

        var insight = InsightAssert.Single(result, "large-result-without-limit");
        Assert.Equal("1", insight.NodeId);
        Assert.Equal(InsightSeverity.Warning, insight.Severity);
        Assert.Contains("returns 120,000 rows", insight.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select id, status from orders order by created_at limit 50000")]
    [InlineData("select status, count(*) from orders group by status")]
    [InlineData("select id from orders where customer_id = 42")]
    public async Task Limited_aggregated_or_small_results_are_not_reported(string sql)
    {
        InsightAssert.None(await Shop.AnalyzeAsync(sql), "large-result-without-limit");
    }

    [Fact]
    public async Task Plain_explain_judges_from_the_estimate()
    {
        var result = await Shop.ExplainAsync(new ExplainRequest("select * from order_items") { SessionSettings = ShopExplainer.Serial });

        Assert.Contains("is estimated to return 300,000 rows", InsightAssert.Single(result, "large-result-without-limit").Message, StringComparison.Ordinal);
    }
}
