using DatabaseExpert.Postgres.Explain.Internal;
using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>seq-scan-selective-filter</c>: a sequential scan reads a large table to keep a small share of it. An index on
/// the filtered columns reads only the matching rows; the fix names those columns.
/// </summary>
internal sealed class SeqScanSelectiveFilterInsight : IPlanInsightRule
{
    public const string Id = "seq-scan-selective-filter";

    /// <summary>A "large" table: at least this many rows read (ANALYZE) or estimated in the table (plain EXPLAIN).</summary>
    public const double MinRowsRead = 10_000;

    /// <summary>"Selective": the scan keeps at most this share of the rows it reads.</summary>
    public const double MaxSelectivity = 0.05;

    /// <summary>From this many rows read the finding is critical.</summary>
    public const double CriticalRowsRead = 1_000_000;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        foreach (var node in context.Nodes.Where(n => n.NodeType == "Seq Scan" && n.Filter is not null))
        {
            // Inside a nested loop the loop itself is the problem (nested-loop-unindexed-inner says so).
            if (NestedLoopUnindexedInnerInsight.IsInnerScanOfNestedLoop(context, node))
            {
                continue;
            }

            var relation = context.RelationOf(node);
            if (RowsReadAndKept(context, node, relation) is not { } figures || figures.Read < MinRowsRead || figures.Kept / figures.Read > MaxSelectivity)
            {
                continue;
            }

            var (read, kept) = figures;

            var suggestion = IndexSuggestion.For(node, relation, ExpressionColumns.Extract(node.Filter));
            var measured = context.Analyzed ? "reads" : "is estimated to read";
            var message = $"{node.Label} {measured} {PlanFigures.Rows(read)} rows to keep {PlanFigures.Rows(kept)} ({PlanFigures.Percent(kept / read)}) "
                + $"with the filter {node.Filter}. Every row of the table is visited to find the few that match; an index on the "
                + "filtered columns reads only those, and the gap grows with the table.";
            if (suggestion is not null && relation?.IndexLeadingWith(suggestion.Columns[0]) is { } existing)
            {
                message += $" ({existing.Name} already starts with {suggestion.Columns[0]} and was not used: check that the compared value's "
                    + "type matches the column's and that statistics are fresh.)";
            }

            yield return InsightContext.Create(
                Id,
                read >= CriticalRowsRead ? InsightSeverity.Critical : InsightSeverity.Warning,
                node,
                message,
                suggestion?.Sql
                    ?? "The filter compares no plain column an index key could serve (functions or arithmetic on columns): "
                    + "create an expression index on the filtered expression, or rewrite the condition to compare the bare column.",
                suggestion?.Columns);
        }
    }

    private static (double Read, double Kept)? RowsReadAndKept(InsightContext context, PlanNode node, RelationInfo? relation)
    {
        if (context.Analyzed)
        {
            return node.ActualLoops is { } loops and > 0 && node.ActualRows is { } rows
                ? ((rows + (node.RowsRemovedByFilter ?? 0)) * loops, rows * loops)
                : null;
        }

        if (relation is null || relation.EstimatedRows <= 0)
        {
            return null;
        }

        // A parallel scan's estimate is per process; the leader and the planned workers share the table.
        var processes = node.ParallelAware
            ? 1 + (context.AncestorsOf(node).FirstOrDefault(a => a.WorkersPlanned is not null)?.WorkersPlanned ?? 0)
            : 1;
        return (relation.EstimatedRows, Math.Min(relation.EstimatedRows, node.PlanRows * processes));
    }
}
