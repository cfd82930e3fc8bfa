using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Config;
using DatabaseExpert.Migrations.Rules;

namespace DatabaseExpert.Migrations.Lint;

/// <summary>How to lint. Values given here win over the configuration file, which wins over the defaults.</summary>
public sealed record LintOptions
{
    /// <summary>Target PostgreSQL major version (null: the configuration's, else <see cref="AnalysisSettings.DefaultPgVersion"/>).</summary>
    public int? PgVersion { get; init; }

    /// <summary>Treat every file as run inside a transaction (null: the configuration's, else false).</summary>
    public bool? AssumeInTransaction { get; init; }

    /// <summary>Catalog knowledge from a database (null: built-in knowledge only).</summary>
    public IServerTypeInfo? Types { get; init; }

    public LintConfig Config { get; init; } = LintConfig.Empty;

    /// <summary>The rules to run (default: all of <see cref="RuleCatalog.All"/>).</summary>
    public IReadOnlyList<IRule> Rules { get; init; } = RuleCatalog.All;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public AnalysisSettings ToSettings() => new(
        PgVersion ?? Config.PgVersion ?? AnalysisSettings.DefaultPgVersion,
        AssumeInTransaction ?? Config.AssumeInTransaction ?? false,
        Types);
}
