using DatabaseExpert.Postgres.Explain.Internal;
using DatabaseExpert.Postgres.Plans;

namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>row-estimate-error</c>: the planner's row estimate for a node is off by 10× or more (either way). Join order,
/// join method and memory all follow from estimates, so a large error is the usual root cause of a bad plan.
/// Reported where the error arises: a node that only inherits its child's error is not reported again.
/// </summary>
internal sealed class RowEstimateErrorInsight : IPlanInsightRule
{
    public const string Id = "row-estimate-error";

    /// <summary>Smallest error reported (info); 100× is a warning and 1000× critical.</summary>
    public const double MinRatio = 10;

    public const double WarningRatio = 100;

    public const double CriticalRatio = 1000;

    /// <summary>Ignore nodes where both the estimate and the actual count stay below this many rows over all loops.</summary>
    public const double MinRows = 100;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        if (!context.Analyzed)
        {
            yield break;
        }

        foreach (var node in context.Nodes)
        {
            if (Error(context, node) is not { } error || error.Ratio < MinRatio)
            {
                continue;
            }

            // A child off by as much in the same direction explains this node's error: report the child only.
            var inherited = node.Children
                .Select(child => Error(context, child))
                .Where(e => e is not null && e.Value.Under == error.Under)
                .Select(e => e!.Value.Ratio)
                .DefaultIfEmpty(1)
                .Max();
            if (error.Ratio / Math.Max(1, inherited) < MinRatio)
            {
                continue;
            }

            var severity = error.Ratio >= CriticalRatio ? InsightSeverity.Critical
                : error.Ratio >= WarningRatio ? InsightSeverity.Warning
                : InsightSeverity.Info;
            var direction = error.Under ? "under-estimate" : "over-estimate";
            var loops = node.ActualLoops > 1 ? $" per loop ({PlanFigures.Rows(node.ActualLoops.Value)} loops)" : string.Empty;
            var (fix, columns) = FixFor(context, node);
            yield return InsightContext.Create(
                Id,
                severity,
                node,
                $"{node.Label}: estimated {PlanFigures.Rows(node.PlanRows)} rows, actually {PlanFigures.Rows(node.ActualRows ?? 0)}{loops} — "
                + $"a {PlanFigures.Ratio(error.Ratio)} {direction}. The planner chooses join order, join methods and memory from these "
                + "estimates; an error this large commonly turns into a nested loop over far too many rows, or a hash or sort that spills.",
                fix,
                columns);
        }
    }

    private static (double Ratio, bool Under)? Error(InsightContext context, PlanNode node)
    {
        if (node.ActualRows is not { } actual || node.ActualLoops is not { } loops || loops == 0 || node.NodeType == "ModifyTable")
        {
            return null;
        }

        var estimate = node.PlanRows;
        if (Math.Max(estimate, actual) * loops < MinRows)
        {
            return null;
        }

        var under = actual > estimate;
        if (!under && StoppedEarly(context, node))
        {
            return null;
        }

        return (Math.Max(estimate, actual) / Math.Max(1, Math.Min(estimate, actual)), under);
    }

    /// <summary>
    /// Nodes whose consumer stops reading early (under a Limit, the inner side of a semi/anti join, a merge join input,
    /// an EXISTS subplan) return fewer rows than estimated by design: that is not a misestimate.
    /// </summary>
    private static bool StoppedEarly(InsightContext context, PlanNode node)
    {
        var child = node;
        foreach (var ancestor in context.AncestorsOf(node))
        {
            if (child.ParentRelationship is "SubPlan" or "InitPlan"
                || ancestor.NodeType is "Limit" or "Merge Join"
                || (ancestor.JoinType is "Semi" or "Anti" && child.ParentRelationship == "Inner"))
            {
                return true;
            }

            child = ancestor;
        }

        return false;
    }

    private static (string Fix, IReadOnlyList<string> Columns) FixFor(InsightContext context, PlanNode node)
    {
        if (node.RelationName is null)
        {
            return (
                "Look for the first node below whose estimate drifts, and refresh the statistics of the tables under it (ANALYZE); "
                + "for correlated join or filter columns, CREATE STATISTICS … (dependencies, mcv) on them, then ANALYZE.",
                []);
        }

        var relation = context.RelationOf(node);
        var table = IndexSuggestion.RelationName(node, relation);
        var references = ExpressionColumns.Extract(node.Filter)
            .Concat(ExpressionColumns.Extract(node.IndexCond))
            .Concat(ExpressionColumns.Extract(node.RecheckCond))
            .Where(r => r.Qualifier is null || r.Qualifier == node.Alias || r.Qualifier == node.RelationName)
            .Where(r => relation is null || relation.Columns.Contains(r.Name))
            .ToList();
        var columns = references.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        if (references.Any(r => r.Use == ColumnUse.Expression))
        {
            return (
                $"The filter applies a function or arithmetic to {string.Join(", ", references.Where(r => r.Use == ColumnUse.Expression).Select(r => r.Name).Distinct(StringComparer.Ordinal))}, "
                + "so the planner falls back to a fixed guess. Give it statistics on that expression: "
                + $"CREATE STATISTICS {StatisticsName(node, ["expr"])} ON (<the expression>) FROM {table}; (PostgreSQL 14+) or an expression index, "
                + $"then ANALYZE {table};",
                columns);
        }

        if (columns.Count >= 2)
        {
            return (
                $"The filter combines {string.Join(", ", columns)}, which the planner treats as independent. If they are correlated: "
                + $"CREATE STATISTICS {StatisticsName(node, columns)} (dependencies, ndistinct, mcv) ON {string.Join(", ", columns.Select(SqlNames.Quote))} "
                + $"FROM {table}; ANALYZE {table};",
                columns);
        }

        return ($"ANALYZE {table}; -- refresh its statistics; if the error stays, raise the column's statistics target "
            + "(ALTER TABLE … ALTER COLUMN … SET STATISTICS 1000) and ANALYZE again.", columns);
    }

    private static string StatisticsName(PlanNode node, IEnumerable<string> parts)
    {
        var name = $"{node.RelationName}_{string.Join('_', parts)}_stats";
        return SqlNames.Quote(name.Length > 63 ? name[..63] : name);
    }
}
