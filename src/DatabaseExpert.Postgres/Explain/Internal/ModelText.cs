using System.Text;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>
/// The plan as a model reads it best: one indented line per node with the figures that matter (rows estimated →
/// actual, loops, exclusive time and share, the conditions), then each insight with its fix.
/// </summary>
internal static class ModelText
{
    public static string Write(ExplainResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(Header(result));
        text.AppendLine(result.Analyzed
            ? "Plan (id: node · rows estimated→actual per loop · loops · exclusive time, share of execution · details):"
            : "Plan (id: node · estimated rows · exclusive cost, share of total · details):");
        foreach (var node in result.Nodes)
        {
            var depth = node.Id.Count(c => c == '.');
            text.Append(' ', depth * 2).Append(node.Id).Append(": ").Append(NodeLine(node)).AppendLine();
        }

        if (result.Insights.Count == 0)
        {
            text.AppendLine("Insights: none (no threshold of docs/explain-insights.md was crossed).");
            return text.ToString();
        }

        text.AppendLine($"Insights ({result.Insights.Count}):");
        foreach (var insight in result.Insights)
        {
            text.AppendLine($"- [{insight.Severity.ToString().ToLowerInvariant()}] {insight.Kind} at {insight.NodeLabel}: {insight.Message}");
            text.AppendLine($"  fix: {insight.Fix}");
        }

        return text.ToString();
    }

    /// <summary>One line: what ran, cost, times, JIT and changed settings.</summary>
    public static string Header(ExplainResult result)
    {
        var parts = new List<string>
        {
            result.Analyzed
                ? result.ChangeReason is null ? "EXPLAIN ANALYZE (ran in a rolled-back transaction)" : "EXPLAIN ANALYZE (changes rolled back)"
                : "EXPLAIN (planned only, not run)",
            $"total cost {PlanFigures.Cost(result.TotalCost)}",
        };
        if (result.GenericPlan)
        {
            parts.Add("generic plan for any $n values");
        }

        if (result.PlanningTimeMs is { } planning)
        {
            parts.Add($"planning {PlanFigures.Ms(planning)}");
        }

        if (result.ExecutionTimeMs is { } execution)
        {
            parts.Add($"execution {PlanFigures.Ms(execution)}");
        }

        if (result.Jit is { } jit)
        {
            parts.Add(jit.TotalMs is { } total ? $"JIT {jit.Functions} functions {PlanFigures.Ms(total)}" : $"JIT {jit.Functions} functions");
        }

        if (result.Settings.Count > 0)
        {
            parts.Add("settings " + string.Join(", ", result.Settings.Select(s => $"{s.Key}={s.Value}")));
        }

        return string.Join(" · ", parts);
    }

    private static string NodeLine(PlanNode node)
    {
        var parts = new List<string> { Prefix(node) + node.Label };
        if (node.NeverExecuted)
        {
            parts.Add($"rows ~{PlanFigures.Rows(node.PlanRows)}→never executed");
        }
        else if (node.Analyzed)
        {
            parts.Add($"rows {PlanFigures.Rows(node.PlanRows)}→{PlanFigures.Rows(node.ActualRows ?? 0)}");
            if (node.ActualLoops > 1)
            {
                parts.Add($"loops {PlanFigures.Rows(node.ActualLoops.Value)}");
            }

            parts.Add($"{PlanFigures.Ms(node.ExclusiveTimeMs ?? 0)} {PlanFigures.Percent(node.TimeShare ?? 0)}");
        }
        else
        {
            parts.Add($"rows ~{PlanFigures.Rows(node.PlanRows)}");
            parts.Add($"cost {PlanFigures.Cost(node.ExclusiveCost)} {PlanFigures.Percent(node.CostShare)}");
        }

        parts.AddRange(PlanNodeDetails.Describe(node));
        return string.Join(" · ", parts);
    }

    private static string Prefix(PlanNode node) => node.SubplanName is { } name ? $"[{name}] " : string.Empty;
}
