using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Explain;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Review.Steps;

/// <summary>
/// Plans every statement of the changed query files on the given database (plain EXPLAIN: nothing is executed) and
/// turns plan insights into findings at the statement. Rule ids are <c>explain-&lt;insight kind&gt;</c>
/// (docs/explain-insights.md).
/// </summary>
public sealed class ExplainStep : IExplainStep
{
    public const string RulePrefix = "explain-";

    public async Task<StepOutcome> ExplainAsync(IReadOnlyList<QueryFile> files, string database, ReviewOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var target = DatabaseTargets.Resolve(database, [], null, defaultReadOnly: true, _ => null);
        await using var handle = await DatabaseHandle.OpenAsync(target, cancellationToken);
        var findings = new List<Finding>();
        var planned = 0;
        foreach (var file in files)
        {
            foreach (var statement in SqlScript.Parse(file.Text, file.DisplayPath).Statements)
            {
                try
                {
                    var result = await ExplainRunner.ExplainAsync(handle, new ExplainRequest(statement.Text), cancellationToken);
                    planned++;
                    findings.AddRange(result.Insights.Select(i => ToFinding(file, statement, i)));
                }
                catch (ExplainException ex)
                {
                    findings.Add(new Finding("not-analysed", Severity.Info, file.DisplayPath, statement.Start.Line, statement.Start.Column,
                        $"the query could not be planned: {ex.Message.ReplaceLineEndings(" ")}", "check the statement against the schema of the database given with --db")
                    {
                        Origin = FindingOrigin.Explain,
                        Sql = statement.Text,
                    });
                }
            }
        }

        return StepOutcome.Ran($"{planned} queries of {files.Count} files planned on {target.Display}", findings);
    }

    private static Finding ToFinding(QueryFile file, SqlStatement statement, PlanInsight insight) =>
        new(RulePrefix + insight.Kind, insight.Severity switch
        {
            InsightSeverity.Critical => Severity.Error,
            InsightSeverity.Warning => Severity.Warning,
            _ => Severity.Info,
        }, file.DisplayPath, statement.Start.Line, statement.Start.Column, $"{insight.NodeLabel}: {insight.Message}", insight.Fix)
        {
            Origin = FindingOrigin.Explain,
            Sql = statement.Text,
            EndLine = statement.End.Line,
        };
}
