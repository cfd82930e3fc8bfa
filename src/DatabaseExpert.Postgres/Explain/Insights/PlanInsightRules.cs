namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>Every insight rule, and running them all over a plan.</summary>
internal static class PlanInsightRules
{
    public static IReadOnlyList<IPlanInsightRule> All { get; } =
    [
        new RowEstimateErrorInsight(),
        new SeqScanSelectiveFilterInsight(),
        new RowsRemovedByFilterInsight(),
        new SortSpillInsight(),
        new HashSpillInsight(),
        new NestedLoopUnindexedInnerInsight(),
        new IndexOnlyScanHeapFetchesInsight(),
        new LargeResultWithoutLimitInsight(),
        new JitDominatesInsight(),
        new ParallelWorkersNotLaunchedInsight(),
    ];

    /// <summary>All findings, most severe first, then in plan order.</summary>
    public static IReadOnlyList<PlanInsight> Evaluate(InsightContext context) =>
        All.SelectMany(rule => rule.Evaluate(context))
            .OrderByDescending(i => i.Severity)
            .ThenBy(i => i.NodeId, NodeIdComparer.Instance)
            .ToList();

    /// <summary>Orders path ids numerically per segment (1.2 before 1.10).</summary>
    private sealed class NodeIdComparer : IComparer<string>
    {
        public static readonly NodeIdComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? string.Empty).Split('.');
            var b = (y ?? string.Empty).Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = int.Parse(a[i], System.Globalization.CultureInfo.InvariantCulture)
                    .CompareTo(int.Parse(b[i], System.Globalization.CultureInfo.InvariantCulture));
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
