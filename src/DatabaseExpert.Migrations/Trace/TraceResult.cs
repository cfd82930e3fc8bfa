using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace;

/// <summary>What the trace measured, and the findings drawn from it.</summary>
/// <param name="Files">The traced migrations (the targets), in order.</param>
/// <param name="Findings">Trace findings (<see cref="FindingOrigin.Trace"/>) and failures to apply (<see cref="FindingOrigin.Analysis"/>).</param>
/// <param name="Notes">What was skipped, assumed or differs from production.</param>
/// <param name="ServerVersion">The server the trace ran on, e.g. <c>15.18</c>.</param>
/// <param name="Isolation">Whether the changes were committed (throwaway database) or rolled back.</param>
/// <param name="Timings">Where the time went.</param>
public sealed record TraceResult(
    IReadOnlyList<TracedFile> Files,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SourceNote> Notes,
    string ServerVersion,
    TraceIsolation Isolation,
    TraceTimings Timings)
{
    /// <summary>False when the history or the seed failed and nothing was traced.</summary>
    public bool SetupSucceeded => !Findings.Any(f => f.Rule == Rules.TraceRuleIds.SetupFailed);
}

/// <param name="Connect">Starting the shadow cluster (or connecting) until the first statement can run.</param>
/// <param name="History">Applying the history.</param>
/// <param name="Seed">Running the seed (and ANALYZE on a shadow).</param>
/// <param name="Trace">Tracing the targets.</param>
public sealed record TraceTimings(TimeSpan Connect, TimeSpan History, TimeSpan Seed, TimeSpan Trace)
{
    public TimeSpan Total => Connect + History + Seed + Trace;
}
