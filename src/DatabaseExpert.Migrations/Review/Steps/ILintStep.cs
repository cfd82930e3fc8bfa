namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>
/// Static lint inside a review. Lint <see cref="MigrationScope.Targets"/> with the schema <see cref="MigrationScope.History"/>
/// leaves; findings on files outside <see cref="MigrationScope.Reviewed"/> are dropped by the runner. Unknown syntax must
/// never throw (report it as <c>not-analysed</c>).
/// </summary>
public interface ILintStep
{
    Task<StepOutcome> LintAsync(MigrationScope scope, ReviewOptions options, CancellationToken cancellationToken);
}
