namespace DatabaseExpert.Postgres.Health;

/// <summary>Counts over a <see cref="HealthReport"/>; <see cref="Findings"/> counts warning and critical findings only.</summary>
public sealed record HealthSummary(HealthStatus Status, int Checks, int Ok, int Warning, int Critical, int Findings);
