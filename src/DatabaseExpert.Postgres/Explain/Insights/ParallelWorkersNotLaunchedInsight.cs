namespace DatabaseExpert.Postgres.Explain.Insights;

/// <summary>
/// <c>parallel-workers-not-launched</c>: a Gather planned parallel workers but got fewer when it ran, because the
/// server's pool of background workers was used up (max_parallel_workers, max_worker_processes). The leader then
/// does the remaining work alone, slower than the plan assumed.
/// </summary>
internal sealed class ParallelWorkersNotLaunchedInsight : IPlanInsightRule
{
    public const string Id = "parallel-workers-not-launched";

    public string Kind => Id;

    public IEnumerable<PlanInsight> Evaluate(InsightContext context)
    {
        foreach (var node in context.Nodes.Where(n => n.WorkersPlanned is > 0 && n.WorkersLaunched is not null))
        {
            var planned = node.WorkersPlanned!.Value;
            var launched = node.WorkersLaunched!.Value;
            if (launched >= planned)
            {
                continue;
            }

            var env = context.Environment;
            yield return InsightContext.Create(
                Id,
                launched == 0 ? InsightSeverity.Warning : InsightSeverity.Info,
                node,
                $"{node.Label} planned {planned} parallel workers and launched {launched}: no more background workers were free "
                + $"(max_parallel_workers = {env.MaxParallelWorkers}, max_worker_processes = {env.MaxWorkerProcesses}, shared by every "
                + "parallel query running at the time). The missing workers' share of the work fell to the leader.",
                $"Raise the pool if the server has idle cores: ALTER SYSTEM SET max_parallel_workers = {Math.Max(8, planned * 4)}; "
                + "SELECT pg_reload_conf(); -- max_worker_processes must be at least as large (changing it needs a restart). "
                + "Otherwise fewer concurrent parallel queries, or a lower max_parallel_workers_per_gather, keeps plans honest.");
        }
    }
}
