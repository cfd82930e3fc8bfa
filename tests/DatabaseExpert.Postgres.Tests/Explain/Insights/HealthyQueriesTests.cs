namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

/// <summary>The clean fixture's everyday, well-indexed queries raise no insight, planned or analyzed.</summary>
public sealed class HealthyQueriesTests() : ShopTest("insight_healthy")
{
    [Theory]
    [InlineData("select * from orders where customer_id = 42 order by created_at desc limit 20")]
    [InlineData("select * from products where sku = 'SKU-000042'")]
    [InlineData("select o.id, o.total_cents, i.line_no, p.name from orders o join order_items i on i.order_id = o.id join products p on p.id = i.product_id where o.id = 1234")]
    [InlineData("select r.rating, r.body from reviews r where r.product_id = 77 order by r.created_at desc limit 10")]
    [InlineData("select c.name, count(*) from categories c join products p on p.category_id = c.id group by c.name")]
    [InlineData("select * from customer_order_totals where customer_id = 5")]
    [InlineData("select id, total_cents from orders where created_at >= '2024-06-01' and created_at < '2024-06-02'")]
    [InlineData("select p.name, inv.on_hand from products p join inventory inv on inv.product_id = p.id where p.category_id = 12 and p.active")]
    [InlineData("select c.email, o.id from customers c join orders o on o.customer_id = c.id where c.id between 100 and 120")]
    [InlineData("select status, count(*) from orders group by status")]
    public async Task Everyday_queries_raise_no_alarm(string sql)
    {
        var analyzed = await Shop.AnalyzeAsync(sql);
        var planned = await Shop.ExplainAsync(new DatabaseExpert.Postgres.Explain.ExplainRequest(sql) { SessionSettings = ShopExplainer.Serial });

        Assert.True(analyzed.Insights.Count == 0, analyzed.ToModelText());
        Assert.True(planned.Insights.Count == 0, planned.ToModelText());
    }
}
