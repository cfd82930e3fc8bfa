using System.Globalization;
using System.Text;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters.Internal;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>
/// GitHub Actions workflow commands, one per finding (<c>::error</c>, <c>::warning</c>, <c>::notice</c> with file, line,
/// col, endLine and a title naming the rule), so findings appear as annotations on the pull request's diff; then one
/// notice line with the counts. Paths must be relative to the repository root, which is how review names them.
/// GitHub shows at most 10 error and 10 warning annotations per step: SARIF has no such limit.
/// </summary>
public static class GithubReporter
{
    public static string Render(ReviewReport report, ReporterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReporterOptions.Default;
        var text = new StringBuilder();
        foreach (var finding in report.Ordered().SelectMany(g => g.Findings))
        {
            var message = new StringBuilder(finding.Message);
            if (finding.Help.Length > 0)
            {
                message.Append('\n').Append(finding.Help);
            }

            if (finding.Evidence is { } evidence)
            {
                message.Append("\nMeasured: ").Append(evidence);
            }

            if (finding.SafeRewrite is { } rewrite)
            {
                message.Append("\nSafe rewrite:\n").Append(rewrite.TrimEnd());
            }

            if (options.RuleUrl(finding.Rule) is { } url)
            {
                message.Append('\n').Append(url);
            }

            var hasFile = finding.File.Length > 0;
            text.Append(WorkflowCommand.Format(Command(finding.Severity),
            [
                ("file", hasFile ? finding.File : null),
                ("line", hasFile ? Math.Max(1, finding.Line).ToString(CultureInfo.InvariantCulture) : null),
                ("endLine", hasFile && finding.EndLine is { } end && end >= finding.Line ? end.ToString(CultureInfo.InvariantCulture) : null),
                ("col", hasFile ? Math.Max(1, finding.Column).ToString(CultureInfo.InvariantCulture) : null),
                ("title", $"dbx {finding.Rule}"),
            ], message.ToString())).Append('\n');
        }

        var skipped = report.Steps.Where(s => s.Status != StepStatus.Ran).Select(s => $"{s.Name} {s.Status.ToString().ToLowerInvariant()}: {s.Detail}");
        var summary = $"dbx review {ReportText.Scope(report)}: {report.Counts}" +
                      string.Concat(skipped.Select(s => "\n" + s));
        text.Append(WorkflowCommand.Format("notice", [("title", "dbx review")], summary)).Append('\n');
        return text.ToString();
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };
}
