using DatabaseExpert.Postgres.Advisor.Internal.Plans;
using DatabaseExpert.Postgres.Advisor.Internal.Workload;
using DatabaseExpert.Postgres.Explain;

namespace DatabaseExpert.Postgres.Advisor.Internal.WhatIf;

/// <summary>The costed workload: queries that could be planned and read a user table, with their plans.</summary>
/// <param name="Queries">The queries that could be planned and read a user table.</param>
/// <param name="Plans">Plans with the existing indexes (VERBOSE): the baseline costs.</param>
/// <param name="ProfilePlans">
/// Plans with index and bitmap scans disabled: there every predicate shows as a Filter or join condition and every
/// ORDER BY as a Sort Key, instead of disappearing into the Index Cond or scan order of an index already in use.
/// </param>
/// <param name="Skipped">Statements set aside, with the reason.</param>
internal sealed record PlannedWorkload(
    IReadOnlyList<WorkloadQuery> Queries, IReadOnlyList<PlanNode> Plans, IReadOnlyList<PlanNode> ProfilePlans, IReadOnlyList<SkippedStatement> Skipped)
{
    private static readonly string[] IndexScanSettings = ["enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"];

    private static readonly HashSet<string> SystemSchemas = new(StringComparer.Ordinal) { "pg_catalog", "information_schema", "pg_toast" };

    public static IEnumerable<RelationRef> UserTables(PlanNode plan) =>
        plan.DescendantsAndSelf().Select(n => n.Relation()).OfType<RelationRef>().Where(r => !SystemSchemas.Contains(r.Schema)).Distinct();

    /// <param name="session">The what-if session (no hypothetical index is in place yet).</param>
    /// <param name="workload">The statements, best first.</param>
    /// <param name="limit">Stop after this many costable queries (pg_stat_statements' top N).</param>
    /// <param name="cancellationToken">Cancels planning.</param>
    public static async Task<PlannedWorkload> PlanAsync(WhatIfSession session, Workload.Workload workload, int limit, CancellationToken cancellationToken)
    {
        var queries = new List<WorkloadQuery>();
        var plans = new List<PlanNode>();
        var skipped = workload.Skipped.ToList();
        foreach (var query in workload.Queries.TakeWhile(_ => queries.Count < limit))
        {
            var (plan, error) = await session.InSavepointAsync(
                "dbx_plan",
                async () => ((PlanNode?)await session.Explainer.ExplainAsync(query, verbose: true, cancellationToken), (string?)null),
                ex => (null, ex.MessageText),
                cancellationToken);
            if (plan is null)
            {
                skipped.Add(new SkippedStatement(query.Source, WorkloadFilter.Excerpt(query.Text), $"cannot be planned: {error}"));
            }
            else if (!UserTables(plan).Any())
            {
                skipped.Add(new SkippedStatement(query.Source, WorkloadFilter.Excerpt(query.Text), "reads no user table"));
            }
            else
            {
                queries.Add(query);
                plans.Add(plan);
            }
        }

        var profilePlans = await session.InSavepointAsync(
            "dbx_profile",
            async () =>
            {
                foreach (var setting in IndexScanSettings)
                {
                    await session.SetLocalAsync(setting, "off", cancellationToken);
                }

                var list = new List<PlanNode>();
                foreach (var query in queries)
                {
                    list.Add(await session.Explainer.ExplainAsync(query, verbose: true, cancellationToken));
                }

                return list;
            },
            _ => plans.ToList(),
            cancellationToken);
        return new PlannedWorkload(queries, plans, profilePlans, skipped);
    }
}
