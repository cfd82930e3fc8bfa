using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Postgres.Tests.Explain;

/// <summary>Finds the one insight of a kind, failing with the whole plan and its findings when it is missing or repeated.</summary>
internal static class InsightAssert
{
    public static PlanInsight Single(ExplainResult result, string kind)
    {
        var found = result.Insights.Where(i => i.Kind == kind).ToList();
        Assert.True(found.Count == 1, $"expected one {kind} insight, found {found.Count}:\n{result.ToModelText()}");
        return found[0];
    }

    public static void None(ExplainResult result, string kind) =>
        Assert.True(result.Insights.All(i => i.Kind != kind), $"expected no {kind} insight:\n{result.ToModelText()}");
}
