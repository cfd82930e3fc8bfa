using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Review.Steps;
using DatabaseExpert.Migrations.Sources.Drizzle;

namespace DatabaseExpert.Migrations.Tests.Review.Infrastructure;

/// <summary>A lint or trace step that records what it was asked and reports one finding at line 1 of every target.</summary>
internal sealed class RecordingStep(string rule, Severity severity = Severity.Warning) : ILintStep, ITraceStep
{
    public List<MigrationScope> Scopes { get; } = [];

    public Task<StepOutcome> LintAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) => Record(scope);

    public Task<StepOutcome> TraceAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) => Record(scope);

    private Task<StepOutcome> Record(MigrationScope scope)
    {
        Scopes.Add(scope);
        var findings = scope.Targets
            .Select(f => new Finding(rule, severity, f.DisplayPath, 1, 1, $"{rule} on {f.Id}", "fixed by the fake step") { Sql = f.Text.Split('\n')[0] })
            .ToList();
        return Task.FromResult(StepOutcome.Ran($"{scope.Targets.Count} targets", findings));
    }
}

internal sealed class ThrowingStep : ILintStep, ITraceStep
{
    public Task<StepOutcome> LintAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the linter broke");

    public Task<StepOutcome> TraceAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the tracer broke");
}

/// <summary>A drift check that reports drift with the given pending SQL (or none), without node.</summary>
internal sealed class FakeDriftStep(string? pendingSql) : IDriftStep
{
    public int Calls { get; private set; }

    public Task<DriftResult> CheckAsync(DrizzleProject project, DrizzleDriftOptions options, CancellationToken cancellationToken)
    {
        Calls++;
        var schema = Path.GetRelativePath(options.DisplayRoot!, Path.Combine(project.Root, "src", "db", "schema.ts")).Replace('\\', '/');
        Finding[] findings = pendingSql is null
            ? []
            : [new Finding("drizzle-schema-drift", Severity.Error, schema, 27, 1, "drift", "generate it") { Origin = FindingOrigin.Drift, Sql = pendingSql }];
        return Task.FromResult(new DriftResult(findings, []) { Ran = true, DrizzleKitVersion = "0.31.11", PendingSql = pendingSql });
    }
}

internal sealed class RecordingExplainStep : IExplainStep
{
    public List<(IReadOnlyList<QueryFile> Files, string Database)> Calls { get; } = [];

    public Task<StepOutcome> ExplainAsync(IReadOnlyList<QueryFile> files, string database, ReviewOptions options, CancellationToken cancellationToken)
    {
        Calls.Add((files, database));
        return Task.FromResult(StepOutcome.Ran($"{files.Count} files", []));
    }
}

internal sealed class FixedSummaryStep(string? text) : ISummaryStep
{
    public ReviewReport? Seen { get; private set; }

    public Task<SummaryOutcome> SummarizeAsync(ReviewReport report, CancellationToken cancellationToken)
    {
        Seen = report;
        return Task.FromResult(new SummaryOutcome(text, text is null ? "the model declined" : "written by test-model"));
    }
}
