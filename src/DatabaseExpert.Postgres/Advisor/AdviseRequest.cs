namespace DatabaseExpert.Postgres.Advisor;

/// <summary>What to advise on and under which limits. Build it with <see cref="FromWorkload"/> or <see cref="FromStatStatements"/>.</summary>
public sealed record AdviseRequest
{
    /// <summary>SQL text of the workload (statements separated by <c>;</c>); null reads pg_stat_statements instead.</summary>
    public string? WorkloadSql { get; init; }

    /// <summary>Where <see cref="WorkloadSql"/> came from (a file path), used in <c>source:line</c> references.</summary>
    public string WorkloadName { get; init; } = "workload";

    /// <summary>pg_stat_statements: how many statements to take, by total execution time.</summary>
    public int Top { get; init; } = 20;

    /// <summary>Total size the recommended indexes may take; null = no limit (each index must still pay for itself).</summary>
    public long? BudgetBytes { get; init; }

    /// <summary>
    /// An index is chosen only if it cuts the workload's estimated cost by at least this fraction of the workload's
    /// cost with the existing indexes (default 0.5 %) …
    /// </summary>
    public double MinWorkloadImprovement { get; init; } = 0.005;

    /// <summary>… and the cost of the queries it helps by at least this fraction (default 10 %).</summary>
    public double MinQueryImprovement { get; init; } = 0.10;

    /// <summary>Build the chosen indexes in a rolled-back transaction and time the helped queries with EXPLAIN ANALYZE.</summary>
    public bool Verify { get; init; }

    /// <summary>Allow <see cref="Verify"/> on a target configured read-only (the index builds lock writes to the table while they run).</summary>
    public bool AllowWrites { get; init; }

    /// <summary>Timed runs per query and side in <see cref="Verify"/> (after one warm-up run); the median is reported.</summary>
    public int VerifyRuns { get; init; } = 3;

    /// <summary>Limit for each statement the advisor runs (an EXPLAIN, an index build, a timed query).</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public static AdviseRequest FromWorkload(string sql, string name) => new() { WorkloadSql = sql, WorkloadName = name };

    public static AdviseRequest FromStatStatements(int top = 20) => new() { Top = top };
}
