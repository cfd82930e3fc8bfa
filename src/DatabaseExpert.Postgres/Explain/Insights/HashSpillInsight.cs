using DatabaseExpert.Postgres.Explain.Internal;

namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>hash-spill</c>: a hash join's hash table or a hash aggregate did not fit in memory (work_mem × hash_mem_multiplier)
/// and was split into batches on disk. The fix gives the work_mem that holds it in one batch.
/// </summary>
internal sealed class HashSpillInsight : IPlanInsightRule
{
    public const string Id = "hash-spill";

    /// <summary>Batches above this mean the hash spilled.</summary>
    public const long MaxBatches = 1;

    /// <summary>From this many batches the finding is critical (most of the input went through temp files, repeatedly).</summary>
    public const long CriticalBatches = 64;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        var multiplier = Math.Max(1, context.Environment.HashMemMultiplier);
        foreach (var node in context.Nodes)
        {
            long batches;
            double neededKb;
            string what;
            if (node.NodeType == "Hash" && node.HashBatches > MaxBatches)
            {
                // Peak memory is per batch: the whole table needs about batches × peak.
                batches = node.HashBatches.Value;
                neededKb = (node.PeakMemoryUsageKb ?? 0) * batches / multiplier;
                what = node.OriginalHashBatches is { } original && original < batches
                    ? $"its hash table was split into {batches} batches (planned {original}: the input was larger than estimated)"
                    : $"its hash table was split into {batches} batches";
            }
            else if (node.NodeType == "Aggregate" && (node.HashAggBatches > MaxBatches || node.DiskUsageKb > 0))
            {
                batches = node.HashAggBatches ?? 1;
                neededKb = ((node.PeakMemoryUsageKb ?? 0) + (node.DiskUsageKb ?? 0)) / multiplier;
                what = $"the hash aggregate wrote {PlanFigures.Kb(node.DiskUsageKb ?? 0)} to disk in {batches} batches";
            }
            else
            {
                continue;
            }

            yield return InsightContext.Create(
                Id,
                batches >= CriticalBatches ? InsightSeverity.Critical : InsightSeverity.Warning,
                node,
                $"{node.Label}: {what}, because hash memory is limited to work_mem {PlanFigures.Kb(context.Environment.WorkMemKb)} × "
                + $"hash_mem_multiplier {multiplier:0.#}. Each extra batch is written to and read back from temporary files; "
                + $"in memory it needs about {PlanFigures.Kb(neededKb * multiplier)}.",
                WorkMemAdvice.Fix(neededKb, "If the row estimate below is far off, fixing the estimate (ANALYZE) lets the planner size it right."),
                relation: InsightContext.TableBelow(node));
        }
    }
}
