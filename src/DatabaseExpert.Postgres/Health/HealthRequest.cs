namespace DatabaseExpert.Postgres.Health;

/// <summary>What <see cref="HealthChecker.RunAsync"/> should run.</summary>
public sealed record HealthRequest
{
    public static readonly TimeSpan DefaultCheckTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Check ids to run (<see cref="HealthChecker.Checks"/>); empty runs them all.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    public HealthThresholds Thresholds { get; init; } = HealthThresholds.Default;

    /// <summary>Each check's time bound (statement_timeout and a client-side cancel); a check over it reports a finding.</summary>
    public TimeSpan CheckTimeout { get; init; } = DefaultCheckTimeout;

    /// <summary>Checks running at the same time, each on its own connection.</summary>
    public int MaxParallelism { get; init; } = 4;
}
