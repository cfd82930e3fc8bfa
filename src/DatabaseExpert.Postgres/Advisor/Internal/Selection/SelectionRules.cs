namespace DatabaseExpert.Postgres.Advisor.Internal.Selection;

/// <summary>When an index pays for itself, and how much room all of them may take.</summary>
/// <param name="MinWorkloadImprovement">Least saving, as a fraction of <paramref name="BaselineWorkloadCost"/>.</param>
/// <param name="MinQueryImprovement">Least saving, as a fraction of the cost of the queries it helps.</param>
/// <param name="BudgetBytes">Total estimated size allowed, or null.</param>
/// <param name="BaselineWorkloadCost">The workload's cost with the existing indexes only. A fixed yardstick, so that
/// late, marginal gains (a covering variant of an index already chosen) do not pass just because the earlier choices
/// made the workload cheap.</param>
internal sealed record SelectionRules(double MinWorkloadImprovement, double MinQueryImprovement, long? BudgetBytes, double BaselineWorkloadCost)
{
    /// <summary>A query counts as helped when its cost falls by more than this fraction (below it is planner noise).</summary>
    public const double HelpedThreshold = 0.01;

    /// <summary>Sizes are floored at one 8 kB page so that a tiny partial index does not win on a near-zero denominator.</summary>
    public const long MinimumSizeBytes = 8192;

    /// <param name="saving">Σ weight × (cost without − cost with) over the affected queries.</param>
    /// <param name="helpedCost">Σ weight × cost without, over the queries it helps.</param>
    public bool Pays(double saving, double helpedCost) =>
        saving > 0 && helpedCost > 0
        && saving >= MinWorkloadImprovement * BaselineWorkloadCost
        && saving >= MinQueryImprovement * helpedCost;
}
