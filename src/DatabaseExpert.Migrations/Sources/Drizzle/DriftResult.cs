using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Sources.Drizzle;

/// <summary>What the project's own drizzle-kit said about its schema and migrations.</summary>
/// <param name="Findings"><c>drizzle-schema-drift</c> and <c>drizzle-kit-check</c> findings.</param>
/// <param name="Notes">What was skipped and why (no node, no node_modules, an interactive prompt, a timeout…).</param>
public sealed record DriftResult(IReadOnlyList<Finding> Findings, IReadOnlyList<SourceNote> Notes)
{
    /// <summary>True when drizzle-kit ran; false when the check was skipped (the notes say why and how to enable it).</summary>
    public bool Ran { get; init; }

    public string? DrizzleKitVersion { get; init; }

    /// <summary>The SQL <c>drizzle-kit generate</c> would write for schema changes no migration has yet, or null.</summary>
    public string? PendingSql { get; init; }

    /// <summary>Wall time of the drizzle-kit runs (they run side by side).</summary>
    public TimeSpan Elapsed { get; init; }
}
