using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review.Steps;

namespace DatabaseExpert.Migrations.Review.Internal;

/// <summary>What a review collects while it runs: findings, notes and one report per step, each step timed and guarded.</summary>
internal sealed class ReviewRun(TimeProvider time, CancellationToken cancellationToken)
{
    public TimeProvider Time { get; } = time;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public List<Finding> Findings { get; } = [];

    public List<SourceNote> Notes { get; } = [];

    public List<StepReport> Steps { get; } = [];

    public void Skip(string name, string reason) => Steps.Add(new StepReport(name, StepStatus.Skipped, reason, TimeSpan.Zero));

    /// <summary>
    /// Runs a step and records it. A step that throws is recorded as failed with a warning note, so one broken step never
    /// loses the others' findings; cancellation still ends the review.
    /// </summary>
    public async Task<StepOutcome> StepAsync(string name, Func<Task<StepOutcome>> step)
    {
        var started = Time.GetTimestamp();
        StepOutcome outcome;
        try
        {
            outcome = await step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
        {
            var message = $"{ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";
            Notes.Add(new SourceNote(Severity.Warning, $"{name} failed, its findings are missing from this review: {message}"));
            outcome = new StepOutcome(StepStatus.Failed, message);
        }

        Steps.Add(new StepReport(name, outcome.Status, outcome.Detail, Time.GetElapsedTime(started)));
        return outcome;
    }

    /// <summary>
    /// Adds a step's findings and notes. With a scope, findings on migrations that are not under review (history, or an
    /// unchanged file between two reviewed ones) are dropped, with a note saying how many.
    /// </summary>
    public void Keep(string name, StepOutcome outcome, MigrationScope? scope)
    {
        var findings = outcome.Findings;
        if (scope is not null)
        {
            var reviewed = scope.Set.Files.Where(scope.IsReviewed).Select(f => f.DisplayPath).ToHashSet(StringComparer.Ordinal);
            var unreviewed = scope.Set.Files.Where(f => !scope.IsReviewed(f)).Select(f => f.DisplayPath).ToHashSet(StringComparer.Ordinal);
            findings = [.. outcome.Findings.Where(f => reviewed.Contains(f.File) || !unreviewed.Contains(f.File))];
            var dropped = outcome.Findings.Count - findings.Count;
            if (dropped > 0)
            {
                Notes.Add(new SourceNote(Severity.Info,
                    $"{name}: {SeverityCounts.Plural(dropped, "finding")} in unchanged migrations not reported (review without --base to see them)."));
            }
        }

        Findings.AddRange(findings);
        Notes.AddRange(outcome.Notes);
    }
}
