using DatabaseExpert.Postgres.Explain.Internal;

namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>index-only-scan-heap-fetches</c>: an index-only scan had to visit the table for a meaningful share of its rows,
/// because their pages are not marked all-visible in the visibility map. VACUUM sets those marks.
/// </summary>
internal sealed class IndexOnlyScanHeapFetchesInsight : IPlanInsightRule
{
    public const string Id = "index-only-scan-heap-fetches";

    /// <summary>Fewer heap fetches than this (all loops) are not worth a finding.</summary>
    public const double MinHeapFetches = 100;

    /// <summary>Heap fetches per row returned from which the finding is made (info).</summary>
    public const double MinShare = 0.10;

    /// <summary>From this share the finding is a warning: the scan is an index scan in all but name.</summary>
    public const double WarningShare = 0.50;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        foreach (var node in context.Nodes.Where(n => n.NodeType == "Index Only Scan" && n.HeapFetches is not null))
        {
            var fetches = node.HeapFetches!.Value;
            var rows = Math.Max(1, node.TotalActualRows ?? 0);
            var share = Math.Min(1, fetches / rows);
            if (fetches < MinHeapFetches || share < MinShare)
            {
                continue;
            }

            var table = IndexSuggestion.RelationName(node, context.RelationOf(node));
            yield return InsightContext.Create(
                Id,
                share >= WarningShare ? InsightSeverity.Warning : InsightSeverity.Info,
                node,
                $"{node.Label} fetched {PlanFigures.Rows(fetches)} rows from the table for {PlanFigures.Rows(rows)} rows returned "
                + $"({PlanFigures.Percent(share)}). Pages changed since the last VACUUM are not marked all-visible, so the index-only scan "
                + "must check the table for them and loses its advantage.",
                $"VACUUM (ANALYZE) {table}; -- and let autovacuum visit it sooner: ALTER TABLE {table} SET "
                + "(autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_insert_scale_factor = 0.05);");
        }
    }
}
