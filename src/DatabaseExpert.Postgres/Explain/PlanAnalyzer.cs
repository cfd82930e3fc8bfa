using DatabaseExpert.Postgres.Explain.Insights;
using DatabaseExpert.Postgres.Explain.Internal;

namespace DatabaseExpert.Postgres.Explain;

/// <summary>
/// Turns the JSON of an <c>EXPLAIN (FORMAT JSON)</c> — from <see cref="ExplainRunner"/>, or pasted by a user — into a
/// typed tree with timings and insights. Needs no database.
/// </summary>
public static class PlanAnalyzer
{
    /// <param name="planJson">The server's output: an array holding one object with "Plan" (or that object alone).</param>
    /// <param name="environment">
    /// Settings and tables the plan ran with; when null, PostgreSQL's defaults overridden by the settings the plan lists.
    /// </param>
    /// <exception cref="ExplainException">The text is not a JSON plan (kind InvalidRequest).</exception>
    public static ExplainResult Analyze(string planJson, PlanEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(planJson);
        return Analyze(PlanJsonReader.Read(planJson), environment);
    }

    /// <summary>The typed tree and timings alone, without insights: for callers that plan many statements (the index advisor).</summary>
    /// <exception cref="ExplainException">The text is not a JSON plan (kind InvalidRequest).</exception>
    internal static PlanDocument Read(string planJson) => PlanJsonReader.Read(planJson);

    internal static ExplainResult Analyze(PlanDocument document, PlanEnvironment? environment)
    {
        environment ??= PlanEnvironment.Defaults.WithPlanSettings(document.Settings);
        var context = new InsightContext(document.Root, environment, document.ExecutionTimeMs, document.Jit);
        return new ExplainResult(
            document.Raw,
            document.Root,
            PlanInsightRules.Evaluate(context),
            document.Root.TotalCost,
            document.PlanningTimeMs,
            document.ExecutionTimeMs,
            document.Settings,
            document.Jit);
    }
}
