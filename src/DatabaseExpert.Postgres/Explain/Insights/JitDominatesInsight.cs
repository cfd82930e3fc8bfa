namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>jit-dominates</c>: JIT compilation took half or more of the execution time. The planner turns JIT on from the
/// estimated cost (jit_above_cost); for a query that runs quickly the compilation is pure overhead.
/// </summary>
internal sealed class JitDominatesInsight : IPlanInsightRule
{
    public const string Id = "jit-dominates";

    /// <summary>JIT time as a share of the execution time from which the finding is made.</summary>
    public const double MinShare = 0.4;

    /// <summary>JIT times below this are noise, whatever their share.</summary>
    public const double MinJitMs = 10;

    /// <summary>From this much JIT time the finding is critical.</summary>
    public const double CriticalJitMs = 1_000;

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        if (context.Jit?.TotalMs is not { } jitMs || context.ExecutionTimeMs is not { } executionMs || executionMs <= 0)
        {
            yield break;
        }

        var share = jitMs / executionMs;
        if (jitMs < MinJitMs || share < MinShare)
        {
            yield break;
        }

        var env = context.Environment;
        var cost = context.Root.TotalCost;
        var phases = new List<string>();
        if (context.Jit.Inlining)
        {
            phases.Add($"inlining {PlanFigures.Ms(context.Jit.InliningMs ?? 0)} (cost above jit_inline_above_cost {PlanFigures.Cost(env.JitInlineAboveCost)})");
        }

        if (context.Jit.Optimization)
        {
            phases.Add($"optimization {PlanFigures.Ms(context.Jit.OptimizationMs ?? 0)} (cost above jit_optimize_above_cost {PlanFigures.Cost(env.JitOptimizeAboveCost)})");
        }

        var detail = phases.Count > 0 ? $" Largest parts: {string.Join(", ", phases)}." : string.Empty;
        var threshold = Math.Max(cost * 10, 500_000);
        yield return InsightContext.Create(
            Id,
            jitMs >= CriticalJitMs ? InsightSeverity.Critical : InsightSeverity.Warning,
            context.Root,
            $"JIT compilation of {context.Jit.Functions} functions took {PlanFigures.Ms(jitMs)} against {PlanFigures.Ms(executionMs)} of execution "
            + $"({PlanFigures.Percent(Math.Min(share, 1))}). It was switched on because the estimated cost {PlanFigures.Cost(cost)} is above "
            + $"jit_above_cost {PlanFigures.Cost(env.JitAboveCost)}; for a query this short, compiling costs more than it saves.{detail}",
            $"SET LOCAL jit = off; -- for this query. Or raise the thresholds above its cost for the database: "
            + $"ALTER DATABASE <db> SET jit_above_cost = {threshold:0}; (and jit_inline_above_cost / jit_optimize_above_cost likewise).");
    }
}
