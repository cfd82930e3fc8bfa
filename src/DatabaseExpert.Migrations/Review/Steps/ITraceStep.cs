namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>
/// The shadow trace inside a review: apply <see cref="MigrationScope.History"/> (and <see cref="ReviewOptions.SeedFile"/>),
/// then trace <see cref="MigrationScope.Targets"/> statement by statement. Without PostgreSQL server binaries return
/// <see cref="StepOutcome.Skipped"/> with the reason and how to install them: a review never fails for a missing server.
/// </summary>
public interface ITraceStep
{
    Task<StepOutcome> TraceAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken);
}
