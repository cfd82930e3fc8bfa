using System.Text.Json.Nodes;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters.Internal;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>
/// SARIF 2.1.0 for code scanning. One run; <c>tool.driver.rules</c> holds every rule a result refers to, its metadata read
/// from docs/rules/&lt;id&gt;.md (<see cref="RuleDocs"/>). Results carry a level (error, warning, note), the location relative
/// to <c>%SRCROOT%</c> and a partial fingerprint that ignores where the statement moved. Safe rewrites are not SARIF
/// <c>fixes</c> (a fix must be an exact text replacement; a rewrite is a recipe, often several statements): they travel
/// in the result's properties and its rule's help.
/// </summary>
public static class SarifReporter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The key of <c>partialFingerprints</c>: versioned, so a change of the recipe reads as a new key.</summary>
    public const string FingerprintKey = "dbxStatementHash/v1";

    private const string SourceRootId = "%SRCROOT%";

    public static string Render(ReviewReport report, ReporterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReporterOptions.Default;
        var findings = report.Ordered().SelectMany(g => g.Findings).ToList();
        var ruleIds = findings.Select(f => f.Rule).Distinct(StringComparer.Ordinal).ToList();
        var fingerprints = FindingFingerprint.For(findings);

        var driver = new JsonObject
        {
            ["name"] = "dbx",
            ["fullName"] = "dbx (DatabaseExpert) migration review",
            ["version"] = report.ToolVersion,
            ["semanticVersion"] = report.ToolVersion,
        };
        driver.AddIfSet("informationUri", options.DocsBaseUrl?.ToString());

        driver["rules"] = new JsonArray([.. ruleIds.Select(id => RuleJson(id, findings.First(f => f.Rule == id).Severity, options))]);

        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
        };
        if (options.SourceRoot is { } root)
        {
            run["originalUriBaseIds"] = new JsonObject
            {
                [SourceRootId] = new JsonObject { ["uri"] = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + "/").AbsoluteUri },
            };
        }

        run["invocations"] = new JsonArray(Invocation(report));
        run["results"] = new JsonArray([.. findings.Select((f, i) => ResultJson(f, ruleIds.IndexOf(f.Rule), fingerprints[i]))]);
        run["columnKind"] = "utf16CodeUnits";
        var properties = new JsonObject
        {
            ["project"] = report.Project,
            ["mode"] = report.Mode == ReviewMode.Diff ? "diff" : "project",
        };
        properties.AddIfSet("base", report.BaseRef);
        properties.AddIfSet("mergeBase", report.MergeBase);
        properties.AddIfSet("expertSummary", report.ExpertSummary);
        run["properties"] = properties;

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(ReportJson.Options) + "\n";
    }

    private static JsonObject RuleJson(string id, Severity seen, ReporterOptions options)
    {
        var doc = RuleDocs.Find(id);
        var rule = new JsonObject
        {
            ["id"] = id,
            ["name"] = PascalCase(id),
            ["shortDescription"] = new JsonObject { ["text"] = doc?.Summary is { Length: > 0 } summary ? summary : id },
            ["fullDescription"] = new JsonObject { ["text"] = doc?.Description is { Length: > 0 } description ? description : id },
        };
        rule.AddIfSet("helpUri", options.RuleUrl(id)?.ToString());

        if (doc is not null)
        {
            rule["help"] = new JsonObject { ["text"] = doc.Description, ["markdown"] = doc.Markdown };
        }

        rule["defaultConfiguration"] = new JsonObject { ["level"] = Level(doc?.DefaultSeverity ?? seen) };
        rule["properties"] = new JsonObject { ["tags"] = new JsonArray("postgresql", "migrations") };
        return rule;
    }

    private static JsonObject ResultJson(Finding finding, int ruleIndex, string fingerprint)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.Rule,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = finding.Help.Length > 0 ? $"{finding.Message}\n{finding.Help}" : finding.Message },
        };
        if (finding.File.Length > 0)
        {
            var region = new JsonObject
            {
                ["startLine"] = Math.Max(1, finding.Line),
                ["startColumn"] = Math.Max(1, finding.Column),
            };
            if (finding.EndLine is { } end && end >= finding.Line)
            {
                region["endLine"] = end;
            }

            result["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(finding.File), ["uriBaseId"] = SourceRootId },
                    ["region"] = region,
                },
            });
        }

        result["partialFingerprints"] = new JsonObject { [FingerprintKey] = fingerprint };
        var properties = new JsonObject { ["origin"] = ReportText.Origin(finding.Origin) };
        properties.AddIfSet("sql", finding.Sql);
        properties.AddIfSet("safeRewrite", finding.SafeRewrite);
        properties.AddIfSet("evidence", finding.Evidence);
        result["properties"] = properties;
        return result;
    }

    private static JsonObject Invocation(ReviewReport report)
    {
        var invocation = new JsonObject { ["executionSuccessful"] = report.Steps.All(s => s.Status != StepStatus.Failed) };
        var notifications = report.Steps
            .Where(s => s.Status != StepStatus.Ran)
            .Select(s => Notification(s.Status == StepStatus.Failed ? "error" : "note", $"{s.Name} {s.Status.ToString().ToLowerInvariant()}: {s.Detail}"))
            .Concat(report.Notes.Where(n => n.Severity >= Severity.Warning).Select(n => Notification(Level(n.Severity), n.Message)))
            .ToArray();
        if (notifications.Length > 0)
        {
            invocation["toolExecutionNotifications"] = new JsonArray(notifications);
        }

        return invocation;
    }

    private static JsonObject Notification(string level, string text) =>
        new JsonObject { ["level"] = level, ["message"] = new JsonObject { ["text"] = text } };

    /// <summary>A relative URI reference: each path segment percent-encoded, slashes kept.</summary>
    private static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>SARIF wants <c>name</c> to be an identifier-like word: <c>adding-foreign-key</c> → <c>AddingForeignKey</c>.</summary>
    private static string PascalCase(string id) =>
        string.Concat(id.Split('-', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
