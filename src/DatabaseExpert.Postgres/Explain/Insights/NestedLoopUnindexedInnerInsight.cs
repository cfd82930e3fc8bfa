using DatabaseExpert.Postgres.Explain.Internal;
using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>nested-loop-unindexed-inner</c>: a nested loop runs its inner side more than 1,000 times and that inner side is
/// not an index lookup (a sequential scan, a materialized scan, a function or CTE scan), so every outer row re-reads
/// the inner rows. An index on the inner table's join key turns each loop into a lookup.
/// </summary>
internal sealed class NestedLoopUnindexedInnerInsight : IPlanInsightRule
{
    public const string Id = "nested-loop-unindexed-inner";

    /// <summary>Inner-side executions (ANALYZE) or estimated outer rows (plain EXPLAIN) above which the loop is reported.</summary>
    public const double MinLoops = 1_000;

    /// <summary>Rows compared in all (loops × inner rows per loop) from which the finding is critical.</summary>
    public const double CriticalComparisons = 10_000_000;

    private static readonly HashSet<string> UnindexedScans = new(StringComparer.Ordinal)
    {
        "Seq Scan", "Function Scan", "CTE Scan", "Subquery Scan", "Values Scan", "WorkTable Scan", "Table Function Scan",
    };

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        foreach (var loop in context.Nodes.Where(n => n.NodeType == "Nested Loop"))
        {
            if (UnindexedInner(loop) is not { } pair || Loops(context, loop, pair.Inner) is not { } loops || loops <= MinLoops)
            {
                continue;
            }

            var (inner, scan) = pair;
            var materialized = !ReferenceEquals(inner, scan);

            var rowsPerLoop = context.Analyzed
                ? (inner.ActualRows ?? 0) + (materialized ? 0 : scan.RowsRemovedByFilter ?? 0)
                : inner.PlanRows;
            var comparisons = rowsPerLoop * loops;
            var relation = context.RelationOf(scan);
            var references = ExpressionColumns.Extract(loop.JoinFilter).Concat(ExpressionColumns.Extract(scan.Filter));
            var suggestion = IndexSuggestion.For(scan, relation, references);
            var runs = context.Analyzed ? "runs" : "is estimated to run";
            yield return InsightContext.Create(
                Id,
                comparisons >= CriticalComparisons ? InsightSeverity.Critical : InsightSeverity.Warning,
                loop,
                $"{loop.Label} {runs} its inner side ({inner.Label}{(materialized ? $" over {scan.Label}" : string.Empty)}) "
                + $"{PlanFigures.Rows(loops)} times, going through about {PlanFigures.Rows(rowsPerLoop)} rows each time "
                + $"({PlanFigures.Rows(comparisons)} in all). Without an index on the join key every outer row re-reads the inner rows; "
                + "with one, each loop is a single index lookup (or the planner switches to a hash join).",
                suggestion?.Sql ?? (scan.RelationName is null
                    ? "The inner side is computed (a function or CTE), so no index can serve it: load it into a temporary table with an "
                        + "index on the join key, or rewrite the query so the planner can hash it."
                    : $"Index the join key of {IndexSuggestion.RelationName(scan, relation)}: CREATE INDEX CONCURRENTLY ON "
                        + $"{IndexSuggestion.RelationName(scan, relation)} (<join column>);"),
                suggestion?.Columns,
                scan.QualifiedRelation);
        }
    }

    /// <summary>The inner child of a nested loop (and the scan under it) when that inner side is not an index lookup.</summary>
    public static (PlanNode Inner, PlanNode Scan)? UnindexedInner(PlanNode loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (loop.NodeType != "Nested Loop" || loop.Child("Inner") is not { } inner)
        {
            return null;
        }

        var scan = inner.NodeType == "Materialize" && inner.Children.Count == 1 ? inner.Children[0] : inner;
        return UnindexedScans.Contains(scan.NodeType) ? (inner, scan) : null;
    }

    /// <summary>True for the scan on the unindexed inner side of a nested loop (directly or under its Materialize).</summary>
    public static bool IsInnerScanOfNestedLoop(InsightContext context, PlanNode node)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.AncestorsOf(node).Take(2).Any(a => UnindexedInner(a) is { } pair && ReferenceEquals(pair.Scan, node));
    }

    private static double? Loops(InsightContext context, PlanNode loop, PlanNode inner) =>
        context.Analyzed ? inner.ActualLoops : loop.Child("Outer")?.PlanRows;
}
