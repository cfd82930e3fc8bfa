namespace DatabaseExpert.Postgres.Explain;

/// <summary>
/// JIT compilation of the query: how many functions, which phases ran and, under ANALYZE, the milliseconds of each
/// (<see cref="TotalMs"/> = generation + inlining + optimization + emission; the times are null without ANALYZE).
/// </summary>
public sealed record JitSummary(
    int Functions,
    bool Inlining,
    bool Optimization,
    double? GenerationMs,
    double? InliningMs,
    double? OptimizationMs,
    double? EmissionMs,
    double? TotalMs);
