using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>Whether a review compared against a git base or took the whole project.</summary>
public enum ReviewMode
{
    /// <summary>No base: every migration reviewed as if new, in order, the earlier ones being its history.</summary>
    WholeProject,

    /// <summary>Only what changed since the merge-base of the base ref and HEAD.</summary>
    Diff,
}

/// <summary>
/// Everything a review found and did, ready to render: the findings, each reviewed file, each step (ran, skipped and
/// why, failed), notes and timings. The reporters are pure functions of it.
/// </summary>
/// <param name="ToolVersion">The dbx version that produced it.</param>
/// <param name="Project">The reviewed project, as the user named it (relative to the display root).</param>
/// <param name="Findings">Every finding, in report order (see <see cref="ReviewReport.Ordered"/>).</param>
public sealed record ReviewReport(string ToolVersion, string Project, IReadOnlyList<Finding> Findings)
{
    public ReviewMode Mode { get; init; } = ReviewMode.WholeProject;

    /// <summary>The migration tool of the project, when one was recognised.</summary>
    public MigrationFormat? Format { get; init; }

    /// <summary>The base ref as given (<c>origin/main</c>), in <see cref="ReviewMode.Diff"/> mode.</summary>
    public string? BaseRef { get; init; }

    /// <summary>The merge-base commit of the base ref and HEAD that changes were taken from.</summary>
    public string? MergeBase { get; init; }

    /// <summary>The files under review (migrations, changed queries, pending drift SQL), in application order.</summary>
    public IReadOnlyList<ReviewedFile> Files { get; init; } = [];

    /// <summary>Migrations applied before the reviewed ones and not themselves reviewed.</summary>
    public int HistoryCount { get; init; }

    /// <summary>What each step did, in the order they ran.</summary>
    public IReadOnlyList<StepReport> Steps { get; init; } = [];

    /// <summary>What was skipped, assumed or noticed along the way.</summary>
    public IReadOnlyList<SourceNote> Notes { get; init; } = [];

    /// <summary>A short expert summary written by the model from the findings (<c>--summarize</c>); never replaces them.</summary>
    public string? ExpertSummary { get; init; }

    /// <summary>Wall time of the whole review.</summary>
    public TimeSpan Elapsed { get; init; }

    public SeverityCounts Counts => SeverityCounts.Of(Findings);

    /// <summary>True when a finding is at or above <paramref name="threshold"/> (what <c>--fail-on</c> checks).</summary>
    public bool HasFindingsAtOrAbove(Severity threshold) => Findings.Any(f => f.Severity >= threshold);

    /// <summary>
    /// Findings grouped by file, in the order of <see cref="Files"/> then of first appearance, each group ordered by line,
    /// column and severity (most severe first).
    /// </summary>
    public IReadOnlyList<FileFindings> Ordered()
    {
        var order = Files.Select(f => f.Path)
            .Concat(Findings.Select(f => f.File))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return order
            .Select(path => new FileFindings(
                path,
                Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal)),
                [.. Findings.Where(f => string.Equals(f.File, path, StringComparison.Ordinal))
                    .OrderBy(f => f.Line).ThenBy(f => f.Column).ThenByDescending(f => f.Severity).ThenBy(f => f.Rule, StringComparer.Ordinal)]))
            .ToList();
    }
}

/// <summary>The findings of one file, with what the review knows about the file (null for a file only findings name).</summary>
public sealed record FileFindings(string Path, ReviewedFile? File, IReadOnlyList<Finding> Findings)
{
    public SeverityCounts Counts => SeverityCounts.Of(Findings);
}
