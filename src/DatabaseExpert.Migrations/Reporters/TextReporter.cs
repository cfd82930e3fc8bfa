using System.Globalization;
using System.Text;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters.Internal;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>
/// The terminal report: findings grouped by file as <c>file:line:col  severity  rule  message</c>, each with its help,
/// the evidence, the statement with the finding's line marked and the safe rewrite; then a summary table, the steps and
/// the notes. Colours are plain ANSI, only when <see cref="ReporterOptions.Color"/> is set.
/// </summary>
public static class TextReporter
{
    public static string Render(ReviewReport report, ReporterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReporterOptions.Default;
        var ansi = new Ansi(options.Color);
        var text = new StringBuilder();
        text.Append(ansi.Bold("dbx review")).Append(' ').Append(ReportText.Scope(report)).Append('\n');
        text.Append(ReportText.Coverage(report)).Append('\n');
        if (report.ExpertSummary is { } summary)
        {
            text.Append('\n').Append(ansi.Bold("Expert summary")).Append(ansi.Dim(" (written by the model from the findings below)")).Append('\n');
            foreach (var line in summary.ReplaceLineEndings("\n").Trim().Split('\n'))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        var groups = report.Ordered();
        foreach (var group in groups.Where(g => g.Findings.Count > 0))
        {
            text.Append('\n').Append(ansi.Bold(ReportText.FileLabel(group.Path)));
            if (group.File is { } file)
            {
                text.Append(ansi.Dim($"  ({file.ChangeName})"));
            }

            text.Append('\n');
            foreach (var finding in group.Findings)
            {
                AppendFinding(text, finding, ansi, options);
            }
        }

        AppendSummary(text, report, groups, ansi);
        return text.ToString();
    }

    private static void AppendFinding(StringBuilder text, Finding finding, Ansi ansi, ReporterOptions options)
    {
        text.Append("  ").Append(ReportText.Location(finding)).Append("  ")
            .Append(Colored(ansi, finding.Severity, ReportText.SeverityName(finding.Severity))).Append("  ")
            .Append(ansi.Bold(finding.Rule)).Append("  ")
            .Append(Indented(finding.Message)).Append('\n');
        if (finding.Help.Length > 0)
        {
            text.Append("      ").Append(ansi.Cyan("help:")).Append(' ').Append(Indented(finding.Help)).Append('\n');
        }

        if (finding.Evidence is { } evidence)
        {
            text.Append("      ").Append(ansi.Cyan("evidence:")).Append(' ').Append(evidence)
                .Append(ansi.Dim($" ({ReportText.Origin(finding.Origin)})")).Append('\n');
        }

        var excerpt = SqlExcerpt.Lines(finding, options.ExcerptLines);
        if (excerpt.Count > 0 && !SqlExcerpt.IsFromTheFile(finding))
        {
            text.Append("      ").Append(ansi.Cyan(SqlExcerpt.Title(finding) + ":")).Append('\n');
            foreach (var line in excerpt)
            {
                text.Append("        ").Append(line.Text).Append('\n');
            }
        }
        else if (excerpt.Count > 0)
        {
            var width = excerpt[^1].Number.ToString(CultureInfo.InvariantCulture).Length;
            foreach (var line in excerpt)
            {
                var number = line.Number.ToString(CultureInfo.InvariantCulture).PadLeft(width);
                var gutter = line.Marked ? Colored(ansi, finding.Severity, ">") : " ";
                var row = $"{number} | {line.Text}".TrimEnd();
                text.Append("    ").Append(gutter).Append(' ').Append(line.Marked ? row : ansi.Dim(row)).Append('\n');
            }
        }

        if (finding.SafeRewrite is { } rewrite)
        {
            text.Append("      ").Append(ansi.Green("safe rewrite:")).Append('\n');
            foreach (var line in rewrite.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            {
                text.Append("        ").Append(line).Append('\n');
            }
        }
    }

    private static void AppendSummary(StringBuilder text, ReviewReport report, IReadOnlyList<FileFindings> groups, Ansi ansi)
    {
        text.Append('\n').Append(ansi.Bold("Summary")).Append('\n');
        var rows = groups
            .Select(g => (File: ReportText.FileLabel(g.Path), Change: g.File?.ChangeName ?? "", g.Counts))
            .Append((File: "total", Change: "", report.Counts))
            .ToList();
        var fileWidth = rows.Max(r => r.File.Length);
        var changeWidth = Math.Max("change".Length, rows.Max(r => r.Change.Length));
        text.Append("  ").Append(ansi.Dim($"{"file".PadRight(fileWidth)}  {"change".PadRight(changeWidth)}  errors  warnings  info")).Append('\n');
        foreach (var (file, change, fileCounts) in rows)
        {
            text.Append("  ").Append(file.PadRight(fileWidth)).Append("  ").Append(change.PadRight(changeWidth))
                .Append($"  {fileCounts.Errors,6}  {fileCounts.Warnings,8}  {fileCounts.Infos,4}\n");
        }

        if (report.Steps.Count > 0)
        {
            text.Append('\n').Append(ansi.Bold("Steps")).Append('\n');
            var nameWidth = report.Steps.Max(s => s.Name.Length);
            foreach (var step in report.Steps)
            {
                var status = step.Status.ToString().ToLowerInvariant();
                var colored = step.Status switch
                {
                    StepStatus.Ran => ansi.Green(status.PadRight(7)),
                    StepStatus.Skipped => ansi.Yellow(status.PadRight(7)),
                    _ => ansi.Red(status.PadRight(7)),
                };
                text.Append("  ").Append(step.Name.PadRight(nameWidth)).Append("  ").Append(colored).Append("  ")
                    .Append((step.Status == StepStatus.Skipped ? "" : ReportText.Duration(step.Duration)).PadLeft(7)).Append("  ")
                    .Append(step.Detail).Append('\n');
            }
        }

        if (report.Notes.Count > 0)
        {
            text.Append('\n').Append(ansi.Bold("Notes")).Append('\n');
            foreach (var note in report.Notes)
            {
                var where = note.File is null ? "" : $"{note.File}{(note.Line > 0 ? $":{note.Line}" : "")}: ";
                text.Append("  ").Append(Colored(ansi, note.Severity, ReportText.SeverityName(note.Severity).PadRight(7))).Append("  ")
                    .Append(where).Append(note.Message).Append('\n');
            }
        }

        var counts = report.Counts;
        var verdict = counts.Total == 0 ? ansi.Green("no findings") : Colored(ansi, MaxSeverity(report), counts.ToString());
        text.Append('\n').Append(verdict).Append(ansi.Dim($" · dbx {report.ToolVersion} · {ReportText.Duration(report.Elapsed)}")).Append('\n');
    }

    /// <summary>Continuation lines of a multi-line message stay under the finding.</summary>
    private static string Indented(string text) => text.ReplaceLineEndings("\n").Replace("\n", "\n      ", StringComparison.Ordinal);

    private static Severity MaxSeverity(ReviewReport report) => report.Findings.Max(f => f.Severity);

    private static string Colored(Ansi ansi, Severity severity, string text) => severity switch
    {
        Severity.Error => ansi.Red(text),
        Severity.Warning => ansi.Yellow(text),
        _ => ansi.Cyan(text),
    };
}
