using System.Text.RegularExpressions;

namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed partial class SortSpillInsightTests() : ShopTest("insight_sort")
{
    private const string SortedOrders = "select * from orders order by notes, created_at";

    [Fact]
    public async Task A_sort_that_spills_names_a_work_mem_that_keeps_it_in_memory()
    {
        var result = await Shop.AnalyzeAsync(SortedOrders, ("work_mem", "64kB"));

        var insight = InsightAssert.Single(result, "sort-spill");
        var sort = result.Nodes.Single(n => n.Id == insight.NodeId);
        Assert.Equal("Sort", sort.NodeType);
        Assert.Equal("Disk", sort.SortSpaceType);
        Assert.Equal("orders", insight.Relation);
        Assert.Equal(["notes", "created_at"], insight.Columns);
        Assert.Contains("work_mem is 64 kB", insight.Message, StringComparison.Ordinal);

        // The suggested value really is enough.
        var suggested = WorkMem().Match(insight.Fix).Groups[1].Value;
        var after = await Shop.AnalyzeAsync(SortedOrders, ("work_mem", suggested));
        InsightAssert.None(after, "sort-spill");
        Assert.Equal("Memory", after.Nodes.Single(n => n.NodeType == "Sort").SortSpaceType);
    }

    [Fact]
    public async Task A_sort_in_memory_is_not_reported()
    {
        var result = await Shop.AnalyzeAsync("select * from orders where customer_id < 100 order by notes");

        Assert.Equal("Memory", result.Nodes.Single(n => n.NodeType == "Sort").SortSpaceType);
        InsightAssert.None(result, "sort-spill");
    }

    [GeneratedRegex("SET LOCAL work_mem = '([0-9]+[MG]B)'")]
    internal static partial Regex WorkMem();
}
