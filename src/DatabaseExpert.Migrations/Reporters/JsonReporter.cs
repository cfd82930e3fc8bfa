using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters.Internal;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>
/// The CLI contract shape (docs/cli.md): <c>{"findings":[{"rule","severity","file","line","column","message","help",…}],
/// "summary":{…}}</c>, plus <c>files</c>, <c>steps</c>, <c>notes</c>, <c>tool</c> and, with <c>--summarize</c>,
/// <c>expertSummary</c>. Optional finding fields (origin is always there) are left out when empty.
/// </summary>
public static class JsonReporter
{
    public static string Render(ReviewReport report, ReporterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReporterOptions.Default;
        var ordered = report.Ordered();
        var json = new JsonObject
        {
            ["findings"] = Array(ordered.SelectMany(g => g.Findings).Select(f => FindingJson(f, options))),
            ["summary"] = SummaryJson(report),
            ["files"] = Array(ordered.Select(FileJson)),
            ["steps"] = Array(report.Steps.Select(s => new JsonObject
            {
                ["name"] = s.Name,
                ["status"] = s.Status.ToString().ToLowerInvariant(),
                ["detail"] = s.Detail,
                ["durationMs"] = (long)s.Duration.TotalMilliseconds,
            })),
            ["notes"] = Array(report.Notes.Select(n => new JsonObject
            {
                ["severity"] = ReportText.SeverityName(n.Severity),
                ["message"] = n.Message,
                ["file"] = n.File,
                ["line"] = n.Line > 0 ? n.Line : null,
            })),
            ["tool"] = new JsonObject { ["name"] = "dbx", ["version"] = report.ToolVersion },
        };
        if (report.ExpertSummary is { } summary)
        {
            json["expertSummary"] = summary;
        }

        return json.ToJsonString(ReportJson.Options) + "\n";
    }

    /// <summary>One finding in the contract shape; shared with other JSON outputs that list findings.</summary>
    public static JsonObject FindingJson(Finding finding, ReporterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var json = new JsonObject
        {
            ["rule"] = finding.Rule,
            ["severity"] = ReportText.SeverityName(finding.Severity),
            ["file"] = finding.File,
            ["line"] = finding.Line,
            ["column"] = finding.Column,
            ["message"] = finding.Message,
            ["help"] = finding.Help,
            ["origin"] = ReportText.Origin(finding.Origin),
        };
        json.AddIfSet("endLine", finding.EndLine);
        json.AddIfSet("sql", finding.Sql);
        json.AddIfSet("safeRewrite", finding.SafeRewrite);
        json.AddIfSet("evidence", finding.Evidence);
        json.AddIfSet("docs", (options ?? ReporterOptions.Default).RuleUrl(finding.Rule)?.ToString());
        return json;
    }

    private static JsonObject SummaryJson(ReviewReport report)
    {
        var counts = report.Counts;
        var json = new JsonObject
        {
            ["errors"] = counts.Errors,
            ["warnings"] = counts.Warnings,
            ["infos"] = counts.Infos,
            ["findings"] = counts.Total,
            ["mode"] = report.Mode == ReviewMode.Diff ? "diff" : "project",
            ["project"] = report.Project,
            ["format"] = report.Format?.ToString(),
            ["migrations"] = report.Files.Count(f => f.Role == ReviewFileRole.Migration),
            ["history"] = report.HistoryCount,
            ["elapsedMs"] = (long)report.Elapsed.TotalMilliseconds,
        };
        json.AddIfSet("base", report.BaseRef);
        json.AddIfSet("mergeBase", report.MergeBase);
        return json;
    }

    private static JsonObject FileJson(FileFindings group)
    {
        var counts = group.Counts;
        var json = new JsonObject
        {
            ["path"] = group.Path,
            ["role"] = group.File is { } f ? JsonNamingPolicy.CamelCase.ConvertName(f.Role.ToString()) : null,
            ["change"] = group.File?.Change?.ToString().ToLowerInvariant(),
        };
        json.AddIfSet("previousPath", group.File?.PreviousPath);
        if (group.File is { ExistedAtBase: true })
        {
            json["existedAtBase"] = true;
        }

        json["errors"] = counts.Errors;
        json["warnings"] = counts.Warnings;
        json["infos"] = counts.Infos;
        return json;
    }

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
