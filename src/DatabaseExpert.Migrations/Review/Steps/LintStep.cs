using DatabaseExpert.Migrations.Config;
using DatabaseExpert.Migrations.Lint;

namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>
/// Static rules over the whole history, so that what earlier migrations created (tables, column types, enums) is
/// known; the runner keeps only the findings on reviewed files. The project's .dbx.yaml applies.
/// </summary>
public sealed class LintStep : ILintStep
{
    public Task<StepOutcome> LintAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var config = LintConfigLoader.Discover(scope.Set.Root);
        var result = MigrationLinter.Lint(scope.All, new LintOptions { PgVersion = options.PgVersion ?? config.PgVersion, Config = config });
        var summary = result.Summary;
        var detail = $"{summary.Statements} statements in {summary.Files} files, PostgreSQL {summary.PgVersion} rules"
            + (summary.NotAnalysed > 0 ? $", {summary.NotAnalysed} not analysed" : string.Empty);
        return Task.FromResult(StepOutcome.Ran(detail, result.Findings, result.Notes));
    }
}
