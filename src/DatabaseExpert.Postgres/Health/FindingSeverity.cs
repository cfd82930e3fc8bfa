namespace DatabaseExpert.Postgres.Health;

/// <summary>
/// How much a finding matters. <see cref="Info"/> findings explain something (a check that could not look, an index kept
/// on purpose) without changing the check's <see cref="HealthStatus"/>.
/// </summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Critical,
}
