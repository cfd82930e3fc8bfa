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

    public static string Header(ExplainResult result)
    {
        var parts = new List<string>
        {
            result.Analyzed
                ? result.ChangeReason is null ? "EXPLAIN ANALYZE (ran in a rolled-back transaction)" : "EXPLAIN ANALYZE (changes rolled back)"
                : "EXPLAIN (planned only, not run)",
            $"total cost {Figures.Cost(result.TotalCost)}",
        };
        if (result.GenericPlan)
        {
            parts.Add("generic plan for any $n values");
        }

        if (result.PlanningTimeMs is { } planning)
        {
            parts.Add($"planning {Figures.Ms(planning)}");
        }

        if (result.ExecutionTimeMs is { } execution)
        {
            parts.Add($"execution {Figures.Ms(execution)}");
        }

        if (result.Jit is { } jit)
        {
            parts.Add(jit.TotalMs is { } total ? $"JIT {jit.Functions} functions {Figures.Ms(total)}" : $"JIT {jit.Functions} functions");
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
            parts.Add($"rows ~{Figures.Rows(node.PlanRows)}→never executed");
        }
        else if (node.Analyzed)
        {
            parts.Add($"rows {Figures.Rows(node.PlanRows)}→{Figures.Rows(node.ActualRows ?? 0)}");
            if (node.ActualLoops > 1)
            {
                parts.Add($"loops {Figures.Rows(node.ActualLoops.Value)}");
            }

            parts.Add($"{Figures.Ms(node.ExclusiveTimeMs ?? 0)} {Figures.Percent(node.TimeShare ?? 0)}");
        }
        else
        {
            parts.Add($"rows ~{Figures.Rows(node.PlanRows)}");
            parts.Add($"cost {Figures.Cost(node.ExclusiveCost)} {Figures.Percent(node.CostShare)}");
        }

        parts.AddRange(Details(node));
        return string.Join(" · ", parts);
    }

    private static string Prefix(PlanNode node) => node.SubplanName is { } name ? $"[{name}] " : string.Empty;

    /// <summary>The node's conditions and memory figures, each short enough for one line.</summary>
    public static IEnumerable<string> Details(PlanNode node)
    {
        if (node.IndexCond is { } index)
        {
            yield return $"index cond {index}";
        }

        if (node.HashCond is { } hash)
        {
            yield return $"hash cond {hash}";
        }

        if (node.MergeCond is { } merge)
        {
            yield return $"merge cond {merge}";
        }

        if (node.JoinFilter is { } join)
        {
            yield return $"join filter {join}{Removed(node, node.RowsRemovedByJoinFilter)}";
        }

        if (node.Filter is { } filter)
        {
            yield return $"filter {filter}{Removed(node, node.RowsRemovedByFilter)}";
        }

        if (node.SortKey.Count > 0)
        {
            yield return $"sort key {string.Join(", ", node.SortKey)}";
        }

        if (node.SortMethod is { } method)
        {
            yield return $"{method} {Figures.Kb(node.SortSpaceUsedKb ?? 0)} {node.SortSpaceType?.ToLowerInvariant()}";
        }

        if (node.HashBatches is { } batches)
        {
            yield return $"buckets {node.HashBuckets} batches {batches} memory {Figures.Kb(node.PeakMemoryUsageKb ?? 0)}";
        }

        if (node.HeapFetches is { } fetches and > 0)
        {
            yield return $"heap fetches {Figures.Rows(fetches)}";
        }

        if (node.WorkersPlanned is { } planned)
        {
            yield return node.WorkersLaunched is { } launched ? $"workers {launched}/{planned} launched" : $"workers {planned} planned";
        }

        if (node.Buffers is { } buffers && buffers.SharedTotal + buffers.TempRead + buffers.TempWritten > 0)
        {
            yield return $"buffers hit {buffers.SharedHit} read {buffers.SharedRead}"
                + (buffers.TempWritten > 0 ? $" temp written {buffers.TempWritten}" : string.Empty);
        }
    }

    private static string Removed(PlanNode node, double? perLoop) =>
        perLoop is > 0 ? $" (removed {Figures.Rows(perLoop.Value * (node.ActualLoops ?? 1))})" : string.Empty;
}
