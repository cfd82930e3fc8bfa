namespace DatabaseExpert.Migrations.Reporters;

/// <summary>Renders a report in any <see cref="ReportFormat"/>.</summary>
public static class ReviewReporters
{
    public static string Render(ReportFormat format, ReviewReport report, ReporterOptions? options = null) => format switch
    {
        ReportFormat.Text => TextReporter.Render(report, options),
        ReportFormat.Json => JsonReporter.Render(report, options),
        ReportFormat.Markdown => MarkdownReporter.Render(report, options),
        ReportFormat.Sarif => SarifReporter.Render(report, options),
        ReportFormat.Github => GithubReporter.Render(report, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}
