using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Postgres.Shadow;

namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>
/// Applies the history to a fresh embedded cluster, then traces the reviewed migrations statement by statement.
/// Without PostgreSQL server binaries the step is skipped with the reason (a review still lints).
/// </summary>
public sealed class TraceStep(TimeProvider? timeProvider = null) : ITraceStep
{
    public async Task<StepOutcome> TraceAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(options);
        if (scope.Targets.Count == 0)
        {
            return StepOutcome.Skipped("no migration to trace");
        }

        var seed = options.SeedFile is { } file
            ? SeedScript.FromFile(file, Path.GetRelativePath(scope.Set.Root, file))
            : null;
        var history = scope.History;
        var targets = scope.Targets;
        var notes = new List<SourceNote>();
        if (seed is not null && history.Count == 0 && targets.Count > 1)
        {
            // Reviewing a whole project: a seed fills the tables of the first migration, so that one is applied first.
            // Creating tables on an empty database takes no lock anyone waits for, so nothing is lost by not tracing it.
            history = [targets[0]];
            targets = [.. targets.Skip(1)];
            notes.Add(new SourceNote(Severity.Info,
                $"{targets.Count} migrations traced after {history[0].DisplayPath} and the seed {seed.DisplayPath} (the seed fills the first migration's tables)"));
        }

        TraceResult result;
        try
        {
            result = await new MigrationTracer(timeProvider).TraceAsync(
                new TraceRequest { History = history, Targets = targets, Seed = seed, PgVersion = options.PgVersion },
                cancellationToken);
        }
        catch (ShadowClusterException ex) when (ex.Kind is ShadowClusterErrorKind.BinariesNotFound or ShadowClusterErrorKind.NoUnprivilegedUser)
        {
            return StepOutcome.Skipped($"no embedded PostgreSQL: {ex.Message.ReplaceLineEndings(" ")}");
        }

        var statements = result.Files.Sum(f => f.Statements.Count);
        var detail = $"{statements} statements of {result.Files.Count} files traced on PostgreSQL {result.ServerVersion}"
            + (seed is null ? " (no seed: scans and rewrites ran on empty tables)" : $" after the seed {seed.DisplayPath}");
        return StepOutcome.Ran(detail, result.Findings, [.. notes, .. result.Notes]);
    }
}
