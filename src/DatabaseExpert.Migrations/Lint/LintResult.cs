using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Lint;

/// <summary>Counts for the end of a lint run (the <c>summary</c> object of the JSON output).</summary>
/// <param name="Files">Files linted (excluded ones not counted).</param>
/// <param name="Statements">Statements read in those files.</param>
/// <param name="Errors">Findings of severity error.</param>
/// <param name="Warnings">Findings of severity warning.</param>
/// <param name="Infos">Findings of severity info.</param>
/// <param name="NotAnalysed">Statements no rule could check (also reported as <c>not-analysed</c> findings).</param>
/// <param name="DurationMs">Wall-clock time of the lint, in milliseconds.</param>
/// <param name="PgVersion">The PostgreSQL version the rules assumed.</param>
public sealed record LintSummary(int Files, int Statements, int Errors, int Warnings, int Infos, int NotAnalysed, long DurationMs, int PgVersion);

/// <summary>What <see cref="MigrationLinter"/> found, in file order then position.</summary>
public sealed record LintResult(IReadOnlyList<Finding> Findings, LintSummary Summary, IReadOnlyList<SourceNote> Notes)
{
    /// <summary>True when a finding is at or above the severity (for <c>--fail-on</c>).</summary>
    public bool HasFindingsAtOrAbove(Severity severity) => Findings.Any(f => f.Severity >= severity);
}
