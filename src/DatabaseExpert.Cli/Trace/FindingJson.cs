using System.Text.Json.Nodes;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Cli.Trace;

/// <summary>A finding in the CLI contract's shape: rule, severity, file, line, column, message, help, and the optional fields.</summary>
internal static class FindingJson
{
    public static JsonObject Render(Finding finding) => new()
    {
        ["rule"] = finding.Rule,
        ["severity"] = finding.Severity.ToString().ToLowerInvariant(),
        ["file"] = finding.File,
        ["line"] = finding.Line,
        ["column"] = finding.Column,
        ["message"] = finding.Message,
        ["help"] = finding.Help,
        ["origin"] = finding.Origin.ToString().ToLowerInvariant(),
        ["evidence"] = finding.Evidence,
        ["sql"] = finding.Sql,
        ["safeRewrite"] = finding.SafeRewrite,
        ["endLine"] = finding.EndLine,
    };
}
