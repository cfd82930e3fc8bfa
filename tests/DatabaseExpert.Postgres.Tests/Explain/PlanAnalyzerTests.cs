using System.Text.Json;
using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Postgres.Tests.Explain;

/// <summary>Parsing captured PostgreSQL 15 plans into the typed tree, with timings and insights, without a database.</summary>
public sealed class PlanAnalyzerTests
{
    [Fact]
    public void Typed_tree_carries_every_field_of_the_json_with_path_ids()
    {
        var json = CapturedPlans.Read("pg15-analyze-limit-nested-loop.json");
        var result = PlanAnalyzer.Analyze(json);
        using var raw = JsonDocument.Parse(json);
        var rawScan = raw.RootElement[0].GetProperty("Plan").GetProperty("Plans")[0].GetProperty("Plans")[0];

        Assert.Equal("Limit", result.Root.NodeType);
        Assert.Equal("1", result.Root.Id);
        var scan = result.Nodes.Single(n => n.Id == "1.1.1");
        Assert.Equal(rawScan.GetProperty("Node Type").GetString(), scan.NodeType);
        Assert.Equal(rawScan.GetProperty("Relation Name").GetString(), scan.RelationName);
        Assert.Equal(rawScan.GetProperty("Alias").GetString(), scan.Alias);
        Assert.Equal(rawScan.GetProperty("Index Name").GetString(), scan.IndexName);
        Assert.Equal(rawScan.GetProperty("Filter").GetString(), scan.Filter);
        Assert.Equal(rawScan.GetProperty("Rows Removed by Filter").GetDouble(), scan.RowsRemovedByFilter);
        Assert.Equal(rawScan.GetProperty("Plan Rows").GetDouble(), scan.PlanRows);
        Assert.Equal(rawScan.GetProperty("Actual Rows").GetDouble(), scan.ActualRows);
        Assert.Equal(rawScan.GetProperty("Shared Hit Blocks").GetInt64(), scan.Buffers!.SharedHit);
        Assert.Equal("Outer", scan.ParentRelationship);
        Assert.Equal($"Index Scan using {scan.IndexName} on orders o", scan.Label);
        Assert.Equal("Inner", result.Nodes.Single(n => n.Id == "1.1").JoinType);
        Assert.Equal(raw.RootElement[0].GetProperty("Execution Time").GetDouble(), result.ExecutionTimeMs);
        Assert.Equal(raw.RootElement[0].GetProperty("Planning Time").GetDouble(), result.PlanningTimeMs);
        Assert.Equal(raw.RootElement.GetRawText(), result.Plan.GetRawText());
        Assert.True(result.Analyzed);
    }

    [Fact]
    public void Exclusive_times_add_up_to_the_root_and_shares_to_one()
    {
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-analyze-limit-nested-loop.json"));

        var root = result.Root;
        Assert.Equal(root.ActualTotalTimeMs, root.InclusiveTimeMs);
        Assert.Equal(root.InclusiveTimeMs!.Value, result.Nodes.Sum(n => n.ExclusiveTimeMs!.Value), 6);
        Assert.Equal(1.0, result.Nodes.Sum(n => n.TimeShare!.Value), 6);

        // The inner index scan ran once per outer row: its time counts all loops.
        var inner = result.Nodes.Single(n => n.ParentRelationship == "Inner");
        Assert.True(inner.ActualLoops > 1);
        Assert.Equal(inner.ActualTotalTimeMs!.Value * inner.ActualLoops!.Value, inner.InclusiveTimeMs!.Value, 6);
    }

    [Fact]
    public void Parallel_copies_of_a_node_count_once_in_wall_clock_time()
    {
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-analyze-parallel-sort-spill.json"));

        var gather = result.Root;
        Assert.Equal("Gather Merge", gather.NodeType);
        var sort = gather.Children.Single();
        Assert.Equal(1 + gather.WorkersLaunched!.Value, sort.ActualLoops);
        Assert.Equal(sort.ActualTotalTimeMs, sort.InclusiveTimeMs);
        Assert.Equal(gather.ActualTotalTimeMs!.Value - sort.ActualTotalTimeMs!.Value, gather.ExclusiveTimeMs!.Value, 6);
        var worker = Assert.Single(sort.Workers);
        Assert.Equal("Disk", worker.SortSpaceType);
        Assert.True(worker.SortSpaceUsedKb > 0);
    }

    [Fact]
    public void Healthy_plan_under_a_limit_raises_no_insight()
    {
        // The index scan under the Limit was estimated at thousands of rows and stopped after a few: by design, not a misestimate.
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-analyze-limit-nested-loop.json"));

        var scan = result.Nodes.Single(n => n.Id == "1.1.1");
        Assert.True(scan.PlanRows / scan.ActualRows!.Value >= 100);
        Assert.Empty(result.Insights);
        Assert.Contains("Insights: none", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sort_spill_names_the_work_mem_an_in_memory_sort_needs()
    {
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-analyze-parallel-sort-spill.json"));

        var insight = Assert.Single(result.Insights, i => i.Kind == "sort-spill");
        var sort = result.Nodes.Single(n => n.NodeType == "Sort");
        Assert.Equal(sort.Id, insight.NodeId);
        Assert.Equal("orders", insight.Relation);
        Assert.Equal(["notes", "created_at"], insight.Columns);
        var busiest = sort.Workers.Select(w => w.SortSpaceUsedKb!.Value).Append(sort.SortSpaceUsedKb!.Value).Max();
        Assert.Contains($"work_mem = '{ExpectedWorkMem(busiest * 2.0)}'", insight.Fix, StringComparison.Ordinal);
        Assert.StartsWith("SET LOCAL work_mem", insight.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_batches_give_the_work_mem_for_one_batch_using_the_plans_own_settings()
    {
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-analyze-hash-batches.json"));

        Assert.Equal("64kB", result.Settings["work_mem"]);
        var insight = Assert.Single(result.Insights, i => i.Kind == "hash-spill");
        var hash = result.Nodes.Single(n => n.NodeType == "Hash");
        Assert.Equal(hash.Id, insight.NodeId);
        Assert.Equal("customers", insight.Relation);
        Assert.True(hash.HashBatches > 1);
        Assert.Contains("work_mem 64 kB", insight.Message, StringComparison.Ordinal);
        Assert.Contains($"work_mem = '{ExpectedWorkMem(hash.PeakMemoryUsageKb!.Value * hash.HashBatches!.Value / 2.0)}'", insight.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Jit_time_is_read_and_judged_against_execution_time()
    {
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-analyze-jit.json"));

        var jit = result.Jit!;
        Assert.True(jit.Inlining && jit.Optimization);
        Assert.Equal(jit.GenerationMs!.Value + jit.InliningMs!.Value + jit.OptimizationMs!.Value + jit.EmissionMs!.Value, jit.TotalMs!.Value, 2);
        Assert.True(jit.TotalMs / result.ExecutionTimeMs >= 0.5);
        var insight = Assert.Single(result.Insights, i => i.Kind == "jit-dominates");
        Assert.Equal("1", insight.NodeId);
        Assert.Contains("SET LOCAL jit = off", insight.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Workers_planned_but_not_launched_are_reported_on_the_gather()
    {
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-analyze-workers-not-launched.json"));

        var gather = result.Nodes.Single(n => n.NodeType == "Gather");
        Assert.Equal(0, gather.WorkersLaunched);
        var insight = Assert.Single(result.Insights, i => i.Kind == "parallel-workers-not-launched");
        Assert.Equal(gather.Id, insight.NodeId);
        Assert.Equal(InsightSeverity.Warning, insight.Severity);
        Assert.Contains("planned 2 parallel workers and launched 0", insight.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_explain_has_costs_but_no_times()
    {
        var result = PlanAnalyzer.Analyze(CapturedPlans.Read("pg15-plain-join.json"));

        Assert.False(result.Analyzed);
        Assert.Null(result.ExecutionTimeMs);
        Assert.All(result.Nodes, n => Assert.Null(n.ExclusiveTimeMs));
        Assert.Equal(result.Root.TotalCost, result.TotalCost);
        Assert.Equal(1.0, result.Nodes.Sum(n => n.CostShare), 2);
        Assert.Equal("HashAggregate", result.Root.Label);

        // customers is filtered to 10% (country = 'DE'): not selective enough for an index; and nothing ran, so no actuals.
        Assert.Empty(result.Insights);
        Assert.Contains("EXPLAIN (planned only, not run)", result.ToModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Later_format_variants_are_read_jit_phase_objects_and_fractional_rows()
    {
        // PostgreSQL 17 reports Generation as {Deform, Total}; 18 prints Actual Rows with decimals.
        const string json = """
            [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Alias": "t", "Startup Cost": 0, "Total Cost": 10,
                       "Plan Rows": 5, "Plan Width": 4, "Actual Startup Time": 0.01, "Actual Total Time": 0.5,
                       "Actual Rows": 2.50, "Actual Loops": 2},
              "JIT": {"Functions": 3, "Options": {"Inlining": false, "Optimization": false},
                      "Timing": {"Generation": {"Deform": 0.1, "Total": 0.4}, "Inlining": 0, "Optimization": 0.2, "Emission": 1.1, "Total": 1.7}},
              "Execution Time": 2.0}]
            """;

        var result = PlanAnalyzer.Analyze(json);

        Assert.Equal(0.4, result.Jit!.GenerationMs);
        Assert.Equal(1.7, result.Jit.TotalMs);
        Assert.Equal(5.0, result.Root.TotalActualRows);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"Query Plan": 1}""")]
    [InlineData("[]")]
    public void Something_that_is_not_a_json_plan_is_a_clear_error(string text)
    {
        var error = Assert.Throws<ExplainException>(() => PlanAnalyzer.Analyze(text));

        Assert.Equal(ExplainErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("EXPLAIN (FORMAT JSON)", error.Message, StringComparison.Ordinal);
    }

    private static string ExpectedWorkMem(double kb)
    {
        var mb = 1;
        while (mb * 1024 < kb)
        {
            mb *= 2;
        }

        return $"{mb}MB";
    }
}
