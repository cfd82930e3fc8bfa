namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>
/// Derives per-node time and cost: inclusive wall-clock time (per-loop time × loops, counted once for parallel
/// copies), exclusive time (minus the children's), and each node's share of the whole.
/// </summary>
internal static class PlanTiming
{
    public static PlanNode Apply(PlanNode root)
    {
        var measured = Measure(root, processes: 1, estimatedLoops: 1);
        var totalTime = measured.InclusiveTimeMs;
        var totalCost = Math.Max(root.TotalCost, double.Epsilon);
        return Share(measured, totalTime, totalCost);
    }

    private static PlanNode Measure(PlanNode node, int processes, double estimatedLoops)
    {
        // Below a Gather each worker and the leader run their own copy at the same time: loops count processes,
        // so the per-loop average times loops over-counts wall-clock time by the number of processes.
        var childProcesses = node.NodeType is "Gather" or "Gather Merge"
            ? 1 + Math.Max(0, node.WorkersLaunched ?? node.WorkersPlanned ?? 0)
            : processes;
        var outerRows = node.NodeType == "Nested Loop" ? node.Child("Outer")?.PlanRows ?? 1 : 1;
        var children = node.Children
            .Select(c => Measure(c, childProcesses, estimatedLoops * (c.ParentRelationship == "Inner" ? outerRows : 1)))
            .ToList();

        double? inclusive = node.ActualTotalTimeMs is { } perLoop && node.ActualLoops is { } loops
            ? perLoop * loops / Math.Max(1, Math.Min(processes, loops))
            : null;
        double? exclusive = inclusive is { } total
            ? Math.Max(0, total - children.Sum(c => c.InclusiveTimeMs ?? 0))
            : null;
        var childCost = node.Children.Sum(c => c.TotalCost * (c.ParentRelationship == "Inner" ? outerRows : 1));
        return node with
        {
            Children = children,
            InclusiveTimeMs = inclusive,
            ExclusiveTimeMs = exclusive,
            ExclusiveCost = Math.Max(0, node.TotalCost - childCost) * Math.Max(1, estimatedLoops),
        };
    }

    private static PlanNode Share(PlanNode node, double? totalTime, double totalCost) => node with
    {
        TimeShare = node.ExclusiveTimeMs is { } exclusive && totalTime is > 0 ? Math.Min(1, exclusive / totalTime.Value) : null,
        CostShare = Math.Min(1, node.ExclusiveCost / totalCost),
        Children = node.Children.Select(c => Share(c, totalTime, totalCost)).ToList(),
    };
}
