namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>A changed .sql file that is not a migration: a query the application runs.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="DisplayPath">Path as findings name it.</param>
/// <param name="Text">The file's SQL.</param>
public sealed record QueryFile(string Path, string DisplayPath, string Text);

/// <summary>
/// EXPLAIN of changed query files on the review's database (<c>--db</c>); plan insights become findings
/// with <see cref="Model.FindingOrigin.Explain"/>. Only called when a database was given and a query file changed.
/// </summary>
public interface IExplainStep
{
    Task<StepOutcome> ExplainAsync(IReadOnlyList<QueryFile> files, string database, ReviewOptions options, CancellationToken cancellationToken);
}
