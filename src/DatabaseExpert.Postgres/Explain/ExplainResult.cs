using System.Text.Json;
using DatabaseExpert.Postgres.Explain.Internal;

namespace DatabaseExpert.Postgres.Explain;

/// <summary>A plan: the server's JSON as it came, the typed tree, and what the insights found in it.</summary>
/// <param name="Plan">The output of <c>EXPLAIN (FORMAT JSON)</c>, unchanged (an array holding one object).</param>
/// <param name="Root">The typed tree, with exclusive time and share per node.</param>
/// <param name="Insights">Findings, most severe first.</param>
/// <param name="TotalCost">The root's estimated total cost.</param>
/// <param name="PlanningTimeMs">Under ANALYZE (and with SUMMARY).</param>
/// <param name="ExecutionTimeMs">Under ANALYZE.</param>
/// <param name="Settings">Settings that differ from the defaults (the SETTINGS option), else empty.</param>
/// <param name="Jit">JIT compilation, when the query used it.</param>
public sealed record ExplainResult(
    JsonElement Plan,
    PlanNode Root,
    IReadOnlyList<PlanInsight> Insights,
    double TotalCost,
    double? PlanningTimeMs,
    double? ExecutionTimeMs,
    IReadOnlyDictionary<string, string> Settings,
    JitSummary? Jit)
{
    /// <summary>EXPLAIN ANALYZE: the statement ran (and was rolled back); actual rows and times are known.</summary>
    public bool Analyzed => Root.Analyzed;

    /// <summary>The statement had <c>$n</c> placeholders without values: this is the plan for any values.</summary>
    public bool GenericPlan { get; init; }

    /// <summary>Why the statement counts as data-changing (it ran under ANALYZE in a rolled-back transaction), else null.</summary>
    public string? ChangeReason { get; init; }

    /// <summary>Every node, depth first.</summary>
    public IEnumerable<PlanNode> Nodes => Root.DescendantsAndSelf();

    /// <summary>One line: what ran (plan only, or analyzed and rolled back), total cost, times, JIT, changed settings.</summary>
    public string Summary => ModelText.Header(this);

    /// <summary>The compact text a model should see: the plan as an indented tree with figures, then the insights with fixes.</summary>
    public string ToModelText() => ModelText.Write(this);
}
