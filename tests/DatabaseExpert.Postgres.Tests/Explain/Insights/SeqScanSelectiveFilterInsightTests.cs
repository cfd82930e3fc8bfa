using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class SeqScanSelectiveFilterInsightTests() : ShopTest("insight_seqscan")
{
    private const string GiftOrders = "select id, created_at from orders where notes = 'gift wrap please'";

    [Fact]
    public async Task A_selective_filter_on_an_unindexed_column_suggests_its_index()
    {
        var result = await Shop.AnalyzeAsync(GiftOrders);

        var insight = InsightAssert.Single(result, "seq-scan-selective-filter");
        var scan = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Equal("Seq Scan", scan.NodeType);
        Assert.Equal("orders", insight.Relation);
        Assert.Equal(["notes"], insight.Columns);
        Assert.Equal("CREATE INDEX CONCURRENTLY ON public.orders (notes);", insight.Fix);
        Assert.Contains("120,000 rows to keep 2,400", insight.Message, StringComparison.Ordinal);

        // With the suggested index the scan, and the finding, go away.
        await Shop.Database.ExecuteAsync(insight.Fix.Replace("CONCURRENTLY ", string.Empty, StringComparison.Ordinal) + " ANALYZE orders;");
        var after = await Shop.AnalyzeAsync(GiftOrders);
        InsightAssert.None(after, "seq-scan-selective-filter");
        Assert.DoesNotContain(after.Nodes, n => n.NodeType == "Seq Scan");
    }

    [Fact]
    public async Task Plain_explain_judges_from_the_tables_row_estimate()
    {
        var result = await Shop.ExplainAsync(new ExplainRequest(GiftOrders) { SessionSettings = ShopExplainer.Serial });

        var insight = InsightAssert.Single(result, "seq-scan-selective-filter");
        Assert.Equal(["notes"], insight.Columns);
        Assert.Contains("is estimated to read 120,000 rows", insight.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_tenth_of_the_table_is_not_selective_enough()
    {
        InsightAssert.None(await Shop.AnalyzeAsync("select id from orders where status = 'refunded'"), "seq-scan-selective-filter");
    }

    [Fact]
    public async Task Parallel_scans_count_the_rows_of_every_worker()
    {
        // Parallelism forced regardless of table size: the rows read are split across the processes.
        var result = await Shop.ExplainAsync(new ExplainRequest(GiftOrders)
        {
            Analyze = true,
            SessionSettings = new Dictionary<string, string>
            {
                ["parallel_setup_cost"] = "0", ["parallel_tuple_cost"] = "0", ["min_parallel_table_scan_size"] = "0",
            },
        });

        var insight = InsightAssert.Single(result, "seq-scan-selective-filter");
        Assert.Contains("to keep 2,400", insight.Message, StringComparison.Ordinal);
    }
}
