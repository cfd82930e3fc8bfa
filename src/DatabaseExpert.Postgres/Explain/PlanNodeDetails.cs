namespace DatabaseExpert.Postgres.Explain;

/// <summary>A node's conditions and memory figures as short phrases, for renderings of a plan (text, model, CLI).</summary>
public static class PlanNodeDetails
{
    /// <summary>The node's conditions and memory figures, each short enough for one line.</summary>
    public static IEnumerable<string> Describe(PlanNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
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
            yield return $"{method} {PlanFigures.Kb(node.SortSpaceUsedKb ?? 0)} {node.SortSpaceType?.ToLowerInvariant()}";
        }

        if (node.HashBatches is { } batches)
        {
            yield return $"buckets {node.HashBuckets} batches {batches} memory {PlanFigures.Kb(node.PeakMemoryUsageKb ?? 0)}";
        }

        if (node.HeapFetches is { } fetches and > 0)
        {
            yield return $"heap fetches {PlanFigures.Rows(fetches)}";
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
        perLoop is > 0 ? $" (removed {PlanFigures.Rows(perLoop.Value * (node.ActualLoops ?? 1))})" : string.Empty;
}
