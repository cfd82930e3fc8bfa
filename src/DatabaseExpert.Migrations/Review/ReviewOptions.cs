using System.Reflection;
using DatabaseExpert.Migrations.Sources.Drizzle;

namespace DatabaseExpert.Migrations.Review;

/// <summary>How to review. The defaults run every step that can run.</summary>
public sealed record ReviewOptions
{
    public static ReviewOptions Default { get; } = new();

    /// <summary>With a base: also review uncommitted changes and untracked files (the working tree), not only HEAD.</summary>
    public bool IncludeUncommitted { get; init; }

    /// <summary>Run the shadow trace (needs PostgreSQL server binaries; skipped with the reason when they are missing).</summary>
    public bool Trace { get; init; } = true;

    /// <summary>Run the Drizzle drift check (needs node and the project's node_modules; skipped with the reason otherwise).</summary>
    public bool Drift { get; init; } = true;

    /// <summary>Ask the summary step (a model) for a short expert summary of the findings.</summary>
    public bool Summarize { get; init; }

    /// <summary>SQL run after the history and before the traced migrations, so scans and rewrites touch real rows.</summary>
    public string? SeedFile { get; init; }

    /// <summary>The PostgreSQL major version production runs (null: the rules' default, or the server's).</summary>
    public int? PgVersion { get; init; }

    /// <summary>Rule ids never reported (the lint configuration's exclusions apply to the review's own findings too).</summary>
    public IReadOnlySet<string> ExcludedRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public DrizzleDriftOptions DriftOptions { get; init; } = DrizzleDriftOptions.Default;

    /// <summary>The version reports name; by default this library's.</summary>
    public string ToolVersion { get; init; } =
        typeof(ReviewOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
