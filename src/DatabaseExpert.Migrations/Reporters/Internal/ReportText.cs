using System.Globalization;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>Wording shared by the reporters, so every format says the same thing the same way.</summary>
internal static class ReportText
{
    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s");

    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    public static string FileLabel(string path) => path.Length == 0 ? "(project)" : path;

    public static string Location(Finding finding) =>
        finding.File.Length == 0 ? "(project)" : $"{finding.File}:{Math.Max(1, finding.Line)}:{Math.Max(1, finding.Column)}";

    /// <summary>"examples/shop (Drizzle) against origin/main (merge-base 1a2b3c4d)": what was reviewed, in one line.</summary>
    public static string Scope(ReviewReport report)
    {
        var format = report.Format is { } f ? $" ({f})" : "";
        var against = report.Mode == ReviewMode.Diff
            ? $" against {report.BaseRef}" + (report.MergeBase is { } mb ? $" (merge-base {mb[..Math.Min(8, mb.Length)]})" : "")
            : ", whole project";
        return $"{report.Project}{format}{against}";
    }

    /// <summary>"2 migrations reviewed after 5 in history" / "7 migrations reviewed, each after the ones before it".</summary>
    public static string Coverage(ReviewReport report)
    {
        var migrations = report.Files.Count(f => f.Role == ReviewFileRole.Migration);
        var queries = report.Files.Count(f => f.Role == ReviewFileRole.Query);
        var text = report.Mode == ReviewMode.WholeProject
            ? $"{SeverityCounts.Plural(migrations, "migration")} reviewed, each after the ones before it"
            : $"{SeverityCounts.Plural(migrations, "migration")} reviewed after {report.HistoryCount} in history";
        return queries > 0 ? $"{text}, {SeverityCounts.Plural(queries, "changed query file")}" : text;
    }

    public static string Origin(FindingOrigin origin) => origin.ToString().ToLowerInvariant();
}
