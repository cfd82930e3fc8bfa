namespace DatabaseExpert.Postgres.Health;

/// <summary>The verdict of one check (and of a whole report): the worst severity among its findings.</summary>
public enum HealthStatus
{
    Ok,
    Warning,
    Critical,
}
