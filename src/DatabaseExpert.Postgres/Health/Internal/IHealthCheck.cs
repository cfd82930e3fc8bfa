namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>One health check: fixed, parameterised catalog SQL, read-only, inside the transaction the runner opened.</summary>
internal interface IHealthCheck
{
    HealthCheckInfo Info { get; }

    Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken);
}

/// <summary>What a check hands back to the runner, which adds the status and the timing.</summary>
internal sealed record CheckOutcome(string Summary, IReadOnlyList<HealthFinding> Findings);
