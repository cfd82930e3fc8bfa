namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>One kind of plan insight: its id, and the findings it makes on a plan (docs/explain-insights.md).</summary>
internal interface IPlanInsightRule
{
    /// <summary>Stable kebab-case id, never renamed.</summary>
    string Kind { get; }

    IEnumerable<PlanInsight> Evaluate(InsightContext context);
}
