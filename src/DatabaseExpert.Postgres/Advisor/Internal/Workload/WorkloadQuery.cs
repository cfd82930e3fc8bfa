namespace DatabaseExpert.Postgres.Advisor.Internal.Workload;

/// <summary>One statement of the workload to cost.</summary>
/// <param name="Text">The statement (one, without <c>;</c>).</param>
/// <param name="Source"><c>file:line</c> or <c>pg_stat_statements queryid N</c>.</param>
/// <param name="Weight">Calls, or 1.</param>
/// <param name="Calls">pg_stat_statements calls, else null.</param>
/// <param name="MeanTimeMs">pg_stat_statements mean time, else null.</param>
/// <param name="ParameterCount">Highest <c>$n</c>: such queries are costed with a generic plan.</param>
internal sealed record WorkloadQuery(string Text, string Source, double Weight, long? Calls, double? MeanTimeMs, int ParameterCount);

/// <summary>The statements to cost and those set aside.</summary>
internal sealed record Workload(string Source, IReadOnlyList<WorkloadQuery> Queries, IReadOnlyList<SkippedStatement> Skipped);
