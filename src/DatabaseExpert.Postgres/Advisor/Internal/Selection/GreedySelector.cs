using DatabaseExpert.Postgres.Advisor.Internal.Candidates;
using DatabaseExpert.Postgres.Advisor.Internal.Plans;
using DatabaseExpert.Postgres.Advisor.Internal.WhatIf;
using DatabaseExpert.Postgres.Advisor.Internal.Workload;

namespace DatabaseExpert.Postgres.Advisor.Internal.Selection;

/// <summary>
/// Chooses indexes greedily by value for space. Each round costs every remaining candidate with the indexes chosen
/// so far in place and takes the one with the largest saving per byte among those that pay
/// (<see cref="SelectionRules.Pays"/>) and fit the budget; a candidate made redundant by the chosen ones no longer
/// saves anything and drops out by itself. Then every chosen index is costed without it and removed when the
/// others make it unnecessary, and selection runs again on what is left until nothing changes. Ties go to the
/// candidate first in <see cref="IndexCandidate.Id"/> order, so the outcome is deterministic.
/// </summary>
internal sealed class GreedySelector(WhatIfSession session, IReadOnlyList<WorkloadQuery> queries, SelectionRules rules)
{
    private const int MaxRounds = 3;

    private readonly Dictionary<IndexCandidate, Dictionary<int, double>> _costsWith = [];

    public async Task<IReadOnlyList<IndexCandidate>> SelectAsync(
        IReadOnlyList<IndexCandidate> candidates, IReadOnlyDictionary<RelationRef, IReadOnlyList<int>> queriesByTable, double[] baseline,
        CancellationToken cancellationToken)
    {
        var current = (double[])baseline.Clone();
        var chosen = new List<IndexCandidate>();
        var remaining = candidates.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        IReadOnlyList<int> Affected(IndexCandidate c) => queriesByTable.TryGetValue(c.Table, out var list) ? list : [];

        for (var round = 0; round < MaxRounds; round++)
        {
            await AddWhilePayingAsync(remaining, chosen, current, Affected, cancellationToken);
            var dropped = await DropUnneededAsync(chosen, current, Affected, cancellationToken);
            if (dropped.Count == 0)
            {
                break;
            }

            // What was dropped stays out, so selection cannot cycle; what it shadowed is costed afresh.
            _costsWith.Clear();
        }

        return chosen;
    }

    private async Task AddWhilePayingAsync(
        List<IndexCandidate> remaining, List<IndexCandidate> chosen, double[] current, Func<IndexCandidate, IReadOnlyList<int>> affected,
        CancellationToken cancellationToken)
    {
        var used = chosen.Sum(session.SizeOf);

        // Lazy greedy: an index rarely saves more once others are chosen, so its last score bounds its next one and a
        // candidate whose bound cannot beat the best found so far is not costed again this round. A round that finds
        // nothing costs every candidate afresh before giving up, so an index that gained from another is not missed.
        var bounds = remaining.ToDictionary(c => c, _ => double.PositiveInfinity);
        while (true)
        {
            IndexCandidate? best = null;
            var bestScore = 0.0;
            foreach (var candidate in remaining.OrderByDescending(c => bounds[c]).ThenBy(c => c.Id, StringComparer.Ordinal).ToList())
            {
                if (best is not null && bounds[candidate] <= bestScore)
                {
                    break;
                }

                var costs = await CostWithAsync(candidate, affected(candidate), cancellationToken);
                var size = session.SizeOf(candidate);
                var (saving, helped) = Compare(costs, before: q => current[q], after: q => costs[q]);
                var score = saving / Math.Max(size, SelectionRules.MinimumSizeBytes);
                bounds[candidate] = score;
                var fits = rules.BudgetBytes is not { } budget || used + size <= budget;
                if (fits && rules.Pays(saving, helped) && (score > bestScore || (score == bestScore && best is not null
                        && string.CompareOrdinal(candidate.Id, best.Id) < 0)))
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            if (best is null)
            {
                return;
            }

            await session.AddAsync(best, cancellationToken);
            foreach (var (query, cost) in _costsWith[best])
            {
                current[query] = cost;
            }

            chosen.Add(best);
            remaining.Remove(best);
            used += session.SizeOf(best);
            Invalidate(affected(best), affected);
        }
    }

    private async Task<List<IndexCandidate>> DropUnneededAsync(
        List<IndexCandidate> chosen, double[] current, Func<IndexCandidate, IReadOnlyList<int>> affected, CancellationToken cancellationToken)
    {
        var dropped = new List<IndexCandidate>();
        for (var i = chosen.Count - 1; i >= 0; i--)
        {
            var candidate = chosen[i];
            await session.RemoveAsync(candidate, cancellationToken);
            var without = new Dictionary<int, double>();
            foreach (var query in affected(candidate))
            {
                without[query] = (await session.PlanAsync(queries[query], cancellationToken)).TotalCost;
            }

            var (saving, helped) = Compare(without, before: q => without[q], after: q => current[q]);
            if (rules.Pays(saving, helped))
            {
                await session.AddAsync(candidate, cancellationToken);
                continue;
            }

            foreach (var (query, cost) in without)
            {
                current[query] = cost;
            }

            chosen.RemoveAt(i);
            dropped.Add(candidate);
        }

        return dropped;
    }

    /// <summary>Costs of the affected queries with the candidate added to the indexes in place (cached until those change).</summary>
    private async Task<Dictionary<int, double>> CostWithAsync(IndexCandidate candidate, IReadOnlyList<int> affected, CancellationToken cancellationToken)
    {
        if (_costsWith.TryGetValue(candidate, out var cached))
        {
            return cached;
        }

        await session.AddAsync(candidate, cancellationToken);
        var costs = new Dictionary<int, double>();
        foreach (var query in affected)
        {
            costs[query] = (await session.PlanAsync(queries[query], cancellationToken)).TotalCost;
        }

        await session.RemoveAsync(candidate, cancellationToken);
        _costsWith[candidate] = costs;
        return costs;
    }

    /// <summary>Forgets cached costs that involve a query whose plan the new index may have changed.</summary>
    private void Invalidate(IReadOnlyList<int> changedQueries, Func<IndexCandidate, IReadOnlyList<int>> affected)
    {
        var changed = changedQueries.ToHashSet();
        foreach (var candidate in _costsWith.Keys.Where(c => affected(c).Any(changed.Contains)).ToList())
        {
            _costsWith.Remove(candidate);
        }
    }

    private (double Saving, double Helped) Compare(Dictionary<int, double> affected, Func<int, double> before, Func<int, double> after)
    {
        double saving = 0, helped = 0;
        foreach (var query in affected.Keys)
        {
            var weight = queries[query].Weight;
            saving += weight * (before(query) - after(query));
            if (after(query) < before(query) * (1 - SelectionRules.HelpedThreshold))
            {
                helped += weight * before(query);
            }
        }

        return (saving, helped);
    }
}
