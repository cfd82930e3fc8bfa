namespace DatabaseExpert.Postgres.Health;

/// <summary>What one check found.</summary>
/// <param name="Check">The check's id, e.g. <c>unused-indexes</c>.</param>
/// <param name="Title">The check's title.</param>
/// <param name="Status">The worst warning/critical finding, else ok.</param>
/// <param name="Summary">One line: what was looked at, and the context needed to trust the verdict (e.g. how long statistics cover).</param>
/// <param name="Findings">Worst first.</param>
/// <param name="Duration">Wall-clock time of the check.</param>
public sealed record HealthCheckResult(
    string Check,
    string Title,
    HealthStatus Status,
    string Summary,
    IReadOnlyList<HealthFinding> Findings,
    TimeSpan Duration);
