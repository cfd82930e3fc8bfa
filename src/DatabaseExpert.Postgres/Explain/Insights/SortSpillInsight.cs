using DatabaseExpert.Postgres.Explain.Internal;
using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>sort-spill</c>: a sort did not fit in work_mem and merged runs on disk (<c>external merge</c>, Sort Space Type
/// Disk, in the leader or any worker). The fix gives the work_mem an in-memory sort needs.
/// </summary>
internal sealed class SortSpillInsight : IPlanInsightRule
{
    public const string Id = "sort-spill";

    /// <summary>
    /// In-memory sort space per kB written to disk: tuples in memory carry headers and sort slots that the on-disk
    /// format does not (measured at ~2.0 on the shop fixture: 6,384 kB on disk, 12,973 kB in memory).
    /// </summary>
    public const double MemoryPerDiskKb = 2.0;

    /// <summary>A spill that takes at least this share of the execution time is critical.</summary>
    public const double CriticalTimeShare = 0.5;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        foreach (var node in context.Nodes.Where(n => n.NodeType is "Sort" or "Incremental Sort"))
        {
            var spills = node.Workers
                .Where(w => w.SortSpaceType == "Disk")
                .Select(w => w.SortSpaceUsedKb ?? 0)
                .Append(node.SortSpaceType == "Disk" ? node.SortSpaceUsedKb ?? 0 : -1)
                .Where(kb => kb >= 0)
                .ToList();
            if (spills.Count == 0)
            {
                continue;
            }

            var diskKb = spills.Max();
            var neededKb = diskKb * MemoryPerDiskKb;
            var keys = node.SortKey.Count > 0 ? $" by {string.Join(", ", node.SortKey)}" : string.Empty;
            var columns = node.SortKey.SelectMany(ExpressionColumns.Extract).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
            yield return InsightContext.Create(
                Id,
                node.TimeShare >= CriticalTimeShare ? InsightSeverity.Critical : InsightSeverity.Warning,
                node,
                $"{node.Label}{keys} spilled to disk ({node.SortMethod ?? "external sort"}, {PlanFigures.Kb(diskKb)} written"
                + $"{(spills.Count > 1 ? " by the busiest process" : string.Empty)}) because work_mem is {PlanFigures.Kb(context.Environment.WorkMemKb)}; "
                + $"sorting in memory needs about {PlanFigures.Kb(neededKb)}. Writing and re-reading temporary files makes the sort several times slower.",
                WorkMemAdvice.Fix(neededKb, "An index whose key order matches the sort can remove the sort altogether."),
                columns,
                InsightContext.TableBelow(node));
        }
    }
}
