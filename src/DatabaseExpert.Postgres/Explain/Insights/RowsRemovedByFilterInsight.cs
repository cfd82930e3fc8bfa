using DatabaseExpert.Postgres.Explain.Internal;
using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>rows-removed-by-filter</c>: a node (other than a sequential scan, which has its own insight) throws away more
/// than 90% of the rows it produced, by its filter or join filter. The work to fetch those rows is wasted; an index
/// that includes the filtered columns avoids fetching them.
/// </summary>
internal sealed class RowsRemovedByFilterInsight : IPlanInsightRule
{
    public const string Id = "rows-removed-by-filter";

    /// <summary>Share of rows removed above which the filter is reported.</summary>
    public const double MinRemovedShare = 0.90;

    /// <summary>Below this many removed rows (all loops) the waste is too small to matter.</summary>
    public const double MinRemovedRows = 10_000;

    /// <summary>From this share the finding is a warning; below it, info.</summary>
    public const double WarningRemovedShare = 0.99;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        if (!context.Analyzed)
        {
            yield break;
        }

        foreach (var node in context.Nodes.Where(n => n.NodeType != "Seq Scan" && n.ActualLoops > 0 && n.ActualRows is not null))
        {
            var loops = node.ActualLoops!.Value;
            var kept = node.ActualRows!.Value * loops;
            var (removedPerLoop, condition, what) = node.RowsRemovedByFilter is > 0
                ? (node.RowsRemovedByFilter.Value, node.Filter, "filter")
                : (node.RowsRemovedByJoinFilter ?? 0, node.JoinFilter, "join filter");
            var removed = removedPerLoop * loops;
            if (removed < MinRemovedRows || removed / (removed + kept) <= MinRemovedShare)
            {
                continue;
            }

            // A nested loop that re-reads an unindexed inner side is reported (with its fix) by nested-loop-unindexed-inner.
            if (what == "join filter" && NestedLoopUnindexedInnerInsight.UnindexedInner(node) is not null)
            {
                continue;
            }

            var share = removed / (removed + kept);
            var (fix, columns) = FixFor(context, node, condition, what);
            yield return InsightContext.Create(
                Id,
                share >= WarningRemovedShare ? InsightSeverity.Warning : InsightSeverity.Info,
                node,
                $"{node.Label} produces {PlanFigures.Rows(removed + kept)} rows and its {what} {condition} throws away {PlanFigures.Rows(removed)} "
                + $"of them ({PlanFigures.Percent(share)}). Fetching rows only to discard them is wasted I/O and CPU; if the condition "
                + "can be checked in an index, the discarded rows are never fetched.",
                fix,
                columns);
        }
    }

    private static (string Fix, IReadOnlyList<string> Columns) FixFor(InsightContext context, PlanNode node, string? condition, string what)
    {
        if (what == "filter" && node.RelationName is not null)
        {
            // Key the index on what the scan already uses (its index or recheck condition), then the filtered columns.
            var relation = context.RelationOf(node);
            var references = ExpressionColumns.Extract(node.IndexCond ?? node.RecheckCond).Concat(ExpressionColumns.Extract(condition));
            if (IndexSuggestion.For(node, relation, references) is { } suggestion)
            {
                return ($"{suggestion.Sql} -- or a partial index WHERE {condition}, if the filter is always the same", suggestion.Columns);
            }
        }

        return (
            $"Make the {what} part of an index condition: index the compared columns of the table below this node, or rewrite "
            + "the condition so it compares plain columns (no functions or casts on the column side).",
            []);
    }
}
