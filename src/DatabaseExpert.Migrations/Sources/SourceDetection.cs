using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>Which migration tool owns a path, and why dbx thinks so.</summary>
/// <param name="Format">The tool.</param>
/// <param name="Root">The project (or migrations) folder the tool's layout starts from; display paths are relative to it.</param>
/// <param name="Reason">What was found, e.g. "drizzle.config.ts".</param>
public sealed record SourceDetection(MigrationFormat Format, string Root, string Reason)
{
    /// <summary>The path that was given (a folder, a migration file or a config file), as a full path.</summary>
    public string GivenPath { get; init; } = Root;

    /// <summary>The one migration file asked for, when a file rather than a folder was given.</summary>
    public string? SelectedFile { get; init; }

    /// <summary>The tool's config file, when one decided the layout (drizzle.config.ts, flyway.conf…).</summary>
    public string? ConfigFile { get; init; }
}
