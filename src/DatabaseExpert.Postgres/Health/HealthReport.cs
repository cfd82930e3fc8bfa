using System.Text;

namespace DatabaseExpert.Postgres.Health;

/// <summary>The result of <see cref="HealthChecker.RunAsync"/>: one result per check, in the order of <see cref="HealthChecker.Checks"/>.</summary>
/// <param name="Database">The database that was checked.</param>
/// <param name="ServerVersion">PostgreSQL's <c>server_version</c>.</param>
/// <param name="Checks">Every check that ran.</param>
public sealed record HealthReport(string Database, string ServerVersion, IReadOnlyList<HealthCheckResult> Checks)
{
    private const int MaxFindingsPerCheckForModel = 10;

    public HealthStatus Status => Checks.Count == 0 ? HealthStatus.Ok : Checks.Max(c => c.Status);

    public HealthSummary Summary => new(
        Status,
        Checks.Count,
        Checks.Count(c => c.Status == HealthStatus.Ok),
        Checks.Count(c => c.Status == HealthStatus.Warning),
        Checks.Count(c => c.Status == HealthStatus.Critical),
        Checks.Sum(c => c.Findings.Count(f => f.Severity != FindingSeverity.Info)));

    /// <summary>Compact text for a language model: problems with their fixes first, quiet checks in one line.</summary>
    public string ToModelText()
    {
        var summary = Summary;
        var text = new StringBuilder()
            .Append($"Health of database {Database} (PostgreSQL {ServerVersion}): {Label(summary.Status)}. ")
            .Append($"{summary.Checks} checks: {summary.Ok} ok, {summary.Warning} warning, {summary.Critical} critical.\n");
        foreach (var check in Checks.Where(c => c.Findings.Count > 0).OrderByDescending(c => c.Status))
        {
            text.Append($"\n[{Label(check.Status)}] {check.Check}: {check.Summary}\n");
            foreach (var finding in check.Findings.Take(MaxFindingsPerCheckForModel))
            {
                text.Append($"- {Label(finding.Severity)} {finding.Object}: {finding.Message}\n");
                if (finding.Fix is not null)
                {
                    text.Append("  fix: ").Append(finding.Fix.ReplaceLineEndings("\n       ")).Append('\n');
                }
            }

            if (check.Findings.Count > MaxFindingsPerCheckForModel)
            {
                text.Append($"- … and {check.Findings.Count - MaxFindingsPerCheckForModel} more\n");
            }
        }

        var quiet = Checks.Where(c => c.Findings.Count == 0).Select(c => c.Check).ToList();
        if (quiet.Count > 0)
        {
            text.Append($"\nNo findings: {string.Join(", ", quiet)}.\n");
        }

        return text.ToString();
    }

    public static string Label(HealthStatus status) => status.ToString().ToLowerInvariant();

    public static string Label(FindingSeverity severity) => severity.ToString().ToLowerInvariant();
}
