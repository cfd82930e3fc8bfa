namespace DatabaseExpert.Postgres.Explain;

/// <summary>One parallel worker's own figures for a node (sorts report their memory or disk use per worker).</summary>
public sealed record PlanWorker(int Number, double? ActualRows, double? ActualTotalTimeMs, string? SortMethod, long? SortSpaceUsedKb, string? SortSpaceType);
