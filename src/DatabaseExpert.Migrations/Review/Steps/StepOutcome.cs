using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;

namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>What a review step returns: its findings and notes, or why it did not run.</summary>
/// <param name="Status">Ran or skipped (a step that throws is recorded as failed by the runner).</param>
/// <param name="Detail">What it covered ("7 migrations, 31 statements"), or why it was skipped and how to enable it.</param>
public sealed record StepOutcome(StepStatus Status, string Detail)
{
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<SourceNote> Notes { get; init; } = [];

    public static StepOutcome Ran(string detail, IReadOnlyList<Finding> findings, IReadOnlyList<SourceNote>? notes = null) =>
        new(StepStatus.Ran, detail) { Findings = findings, Notes = notes ?? [] };

    /// <summary>Not run; <paramref name="reason"/> says why and how to enable it ("no PostgreSQL binaries: install …").</summary>
    public static StepOutcome Skipped(string reason) => new(StepStatus.Skipped, reason);
}
