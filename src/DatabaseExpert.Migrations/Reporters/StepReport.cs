namespace DatabaseExpert.Migrations.Reporters;

/// <summary>How a review step ended.</summary>
public enum StepStatus
{
    Ran,

    /// <summary>Not run, for a reason the report gives (no node, no PostgreSQL binaries, turned off, nothing to do).</summary>
    Skipped,

    /// <summary>Started and failed; the review went on without it.</summary>
    Failed,
}

/// <summary>What one step of the review did.</summary>
/// <param name="Name">lint, trace, drift, explain, summary, git.</param>
/// <param name="Status">Ran, skipped or failed.</param>
/// <param name="Detail">What it covered, or why it was skipped or failed, in one sentence.</param>
/// <param name="Duration">Wall time.</param>
public sealed record StepReport(string Name, StepStatus Status, string Detail, TimeSpan Duration);
