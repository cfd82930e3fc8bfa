using DatabaseExpert.Migrations.Sources.Drizzle;

namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>Schema drift of a Drizzle project (<see cref="DrizzleDriftStep"/> runs the project's own drizzle-kit).</summary>
public interface IDriftStep
{
    Task<DriftResult> CheckAsync(DrizzleProject project, DrizzleDriftOptions options, CancellationToken cancellationToken);
}

/// <summary>The real drift check: <see cref="DrizzleDrift.CheckAsync(DrizzleProject, DrizzleDriftOptions, CancellationToken)"/>.</summary>
public sealed class DrizzleDriftStep : IDriftStep
{
    public Task<DriftResult> CheckAsync(DrizzleProject project, DrizzleDriftOptions options, CancellationToken cancellationToken) =>
        DrizzleDrift.CheckAsync(project, options, cancellationToken);
}
