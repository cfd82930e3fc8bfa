using DatabaseExpert.Migrations.Reporters;

namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>What the summary step wrote, or why it wrote nothing.</summary>
/// <param name="Text">A few sentences for the top of the report; null when skipped.</param>
/// <param name="Detail">Which model wrote it, or why there is none ("no model configured: set DBX_MODEL …").</param>
public sealed record SummaryOutcome(string? Text, string Detail);

/// <summary>
/// <c>--summarize</c>: a short expert summary written by a model from the finished report (its findings, steps and notes).
/// It is shown above the findings and never replaces or filters them. Implemented outside this library (no LLM here).
/// </summary>
public interface ISummaryStep
{
    Task<SummaryOutcome> SummarizeAsync(ReviewReport report, CancellationToken cancellationToken);
}
