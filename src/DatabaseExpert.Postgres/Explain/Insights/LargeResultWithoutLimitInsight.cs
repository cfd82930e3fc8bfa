namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>large-result-without-limit</c>: the statement returns more than 10,000 rows and has no LIMIT at its top. Every
/// row is produced, sent and held by the client; usually a page or an aggregate was meant.
/// </summary>
internal sealed class LargeResultWithoutLimitInsight : IPlanInsightRule
{
    public const string Id = "large-result-without-limit";

    /// <summary>Rows returned (actual, or estimated without ANALYZE) above which the finding is made (info).</summary>
    public const double MinRows = 10_000;

    /// <summary>From this many rows the finding is a warning.</summary>
    public const double WarningRows = 100_000;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        var root = context.Root;
        var rows = context.Analyzed ? root.TotalActualRows ?? 0 : root.PlanRows;
        if (rows <= MinRows || root.NodeType == "ModifyTable" || TopSpine(root).Any(n => n.NodeType == "Limit"))
        {
            yield break;
        }

        var counted = context.Analyzed ? "returns" : "is estimated to return";
        yield return InsightContext.Create(
            Id,
            rows >= WarningRows ? InsightSeverity.Warning : InsightSeverity.Info,
            root,
            $"The statement {counted} {PlanFigures.Rows(rows)} rows and has no LIMIT. Every row is produced, sent over the network and "
            + "held by the client; an application rarely shows that many, and the transfer often costs more than the query.",
            "Page it: ORDER BY a unique key and LIMIT (keyset pagination: WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC, "
            + "id DESC LIMIT 50), or aggregate in SQL (count, sum, GROUP BY) instead of in the application. Exports are fine as they are.");
    }

    /// <summary>The root and the single-input nodes under it (Sort, Gather, Unique, …) down to the first join or scan.</summary>
    private static IEnumerable<PlanNode> TopSpine(PlanNode root)
    {
        for (var node = root; node is not null; node = node.Children.Count(c => c.ParentRelationship is "Outer" or "Member") == 1
                 ? node.Children.First(c => c.ParentRelationship is "Outer" or "Member")
                 : null)
        {
            yield return node;
            if (node.NodeType.Contains("Join", StringComparison.Ordinal) || node.NodeType == "Nested Loop")
            {
                yield break;
            }
        }
    }
}
