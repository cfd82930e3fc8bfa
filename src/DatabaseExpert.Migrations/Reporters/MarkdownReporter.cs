using System.Text;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters.Internal;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>
/// A pull-request comment: the <see cref="Marker"/> (so CI finds and updates its own comment), a header with the counts,
/// a table per file, then every finding with its message, help, the offending SQL and the safe rewrite in <c>sql</c>
/// blocks (long ones folded), and the steps and notes folded at the end. Stays under
/// <see cref="ReporterOptions.MarkdownLimit"/>: findings past it are listed by location only.
/// </summary>
public static class MarkdownReporter
{
    /// <summary>The hidden first line CI looks for to update the previous comment instead of adding one.</summary>
    public const string Marker = "<!-- dbx-review -->";

    public static string Render(ReviewReport report, ReporterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReporterOptions.Default;
        var groups = report.Ordered();
        var head = Head(report, groups);
        var tail = Tail(report);
        var budget = options.MarkdownLimit - head.Length - tail.Length;

        var body = new StringBuilder();
        var findings = groups.SelectMany(g => g.Findings.Select(f => (Group: g, Finding: f))).ToList();
        var shown = 0;
        string? currentFile = null;
        foreach (var (group, finding) in findings)
        {
            var section = new StringBuilder();
            if (!string.Equals(currentFile, group.Path, StringComparison.Ordinal))
            {
                section.Append("### ").Append(MarkdownText.Code(ReportText.FileLabel(group.Path))).Append("\n\n");
            }

            AppendFinding(section, finding, options);
            if (body.Length + section.Length > budget - 2_000)
            {
                break;
            }

            body.Append(section);
            currentFile = group.Path;
            shown++;
        }

        if (shown < findings.Count)
        {
            AppendRemaining(body, findings.Skip(shown).Select(p => p.Finding).ToList(), budget - body.Length);
        }

        return head + body + tail;
    }

    private static string Head(ReviewReport report, IReadOnlyList<FileFindings> groups)
    {
        var counts = report.Counts;
        var text = new StringBuilder();
        text.Append(Marker).Append('\n');
        text.Append("## dbx review: ")
            .Append(counts.Total == 0 ? "no findings" : $"{Icon(Severity.Error)} {SeverityCounts.Plural(counts.Errors, "error")} · " +
                $"{Icon(Severity.Warning)} {SeverityCounts.Plural(counts.Warnings, "warning")} · {Icon(Severity.Info)} {counts.Infos} info")
            .Append("\n\n");
        text.Append(MarkdownText.Inline(ReportText.Scope(report))).Append(" · ")
            .Append(MarkdownText.Inline(ReportText.Coverage(report))).Append(" · dbx ").Append(report.ToolVersion).Append("\n\n");
        if (report.ExpertSummary is { } summary)
        {
            text.Append("> **Expert summary** (written by the model from the findings below)\n>\n");
            foreach (var line in summary.ReplaceLineEndings("\n").Trim().Split('\n'))
            {
                text.Append("> ").Append(MarkdownText.Inline(line)).Append('\n');
            }

            text.Append('\n');
        }

        if (groups.Count > 0)
        {
            text.Append("| file | change | errors | warnings | info |\n| --- | --- | ---: | ---: | ---: |\n");
            foreach (var group in groups)
            {
                var c = group.Counts;
                text.Append("| ").Append(MarkdownText.Code(ReportText.FileLabel(group.Path))).Append(" | ")
                    .Append(MarkdownText.Cell(group.File?.ChangeName ?? "")).Append($" | {c.Errors} | {c.Warnings} | {c.Infos} |\n");
            }

            text.Append($"| **total** | | **{counts.Errors}** | **{counts.Warnings}** | **{counts.Infos}** |\n\n");
        }

        return text.ToString();
    }

    private static void AppendFinding(StringBuilder text, Finding finding, ReporterOptions options)
    {
        var rule = MarkdownText.Code(finding.Rule);
        var link = options.RuleUrl(finding.Rule) is { } url ? $"[{rule}]({url})" : rule;
        text.Append("#### ").Append(Icon(finding.Severity)).Append(' ').Append(ReportText.SeverityName(finding.Severity))
            .Append(" · ").Append(link).Append(" · ").Append(MarkdownText.Inline(Line(finding))).Append("\n\n");
        text.Append(MarkdownText.Inline(finding.Message)).Append("\n\n");
        if (finding.Help.Length > 0)
        {
            text.Append(MarkdownText.Inline(finding.Help)).Append("\n\n");
        }

        if (finding.Evidence is { } evidence)
        {
            text.Append("Measured: ").Append(MarkdownText.Code(evidence)).Append($" ({ReportText.Origin(finding.Origin)})\n\n");
        }

        AppendSql(text, SqlExcerpt.Title(finding), finding.Sql, options);
        AppendSql(text, "Safe rewrite", finding.SafeRewrite, options);
    }

    private static void AppendSql(StringBuilder text, string title, string? sql, ReporterOptions options)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return;
        }

        var lines = sql.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;
        if (lines > options.FoldSqlAfterLines)
        {
            text.Append($"<details><summary>{title} ({lines} lines)</summary>\n\n").Append(MarkdownText.Block("sql", sql)).Append("\n</details>\n\n");
        }
        else
        {
            text.Append("**").Append(title).Append("**\n\n").Append(MarkdownText.Block("sql", sql)).Append('\n');
        }
    }

    private static void AppendRemaining(StringBuilder text, List<Finding> rest, int budget)
    {
        text.Append($"<details><summary>{SeverityCounts.Plural(rest.Count, "more finding")} (the comment size limit was reached)</summary>\n\n");
        var listed = 0;
        foreach (var finding in rest)
        {
            var line = $"- {ReportText.SeverityName(finding.Severity)} {MarkdownText.Code(finding.Rule)} " +
                       $"{MarkdownText.Code(ReportText.Location(finding))}: {MarkdownText.Inline(finding.Message)}\n";
            if (text.Length + line.Length > budget - 200)
            {
                break;
            }

            text.Append(line);
            listed++;
        }

        if (listed < rest.Count)
        {
            text.Append($"- … and {rest.Count - listed} more: see the job log or the SARIF upload.\n");
        }

        text.Append("\n</details>\n\n");
    }

    private static string Tail(ReviewReport report)
    {
        if (report.Steps.Count == 0 && report.Notes.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("<details><summary>What was analysed</summary>\n\n");
        if (report.Steps.Count > 0)
        {
            text.Append("| step | status | time | detail |\n| --- | --- | ---: | --- |\n");
            foreach (var step in report.Steps)
            {
                text.Append($"| {step.Name} | {step.Status.ToString().ToLowerInvariant()} | {ReportText.Duration(step.Duration)} | ")
                    .Append(MarkdownText.Cell(step.Detail)).Append(" |\n");
            }

            text.Append('\n');
        }

        foreach (var note in report.Notes)
        {
            var where = note.File is null ? "" : MarkdownText.Code(note.Line > 0 ? $"{note.File}:{note.Line}" : note.File) + " ";
            text.Append("- ").Append(ReportText.SeverityName(note.Severity)).Append(": ").Append(where)
                .Append(MarkdownText.Inline(note.Message)).Append('\n');
        }

        text.Append($"\nReviewed in {ReportText.Duration(report.Elapsed)}.\n\n</details>\n");
        return text.ToString();
    }

    private static string Line(Finding finding) =>
        finding.File.Length == 0 ? "project" : $"line {finding.Line}";

    private static string Icon(Severity severity) => severity switch
    {
        Severity.Error => "🔴",
        Severity.Warning => "🟡",
        _ => "🔵",
    };
}
