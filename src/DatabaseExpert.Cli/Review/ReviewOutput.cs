using DatabaseExpert.Migrations.Reporters;

namespace DatabaseExpert.Cli.Review;

/// <summary>One rendering of the report: a format and where it goes (null: stdout).</summary>
internal sealed record ReviewOutput(ReportFormat Format, string? File)
{
    /// <summary>
    /// The outputs asked for: <c>--format</c> to <c>--output</c> or stdout, plus each of <c>--json/--markdown/--sarif FILE</c>.
    /// Two outputs may not share a file.
    /// </summary>
    public static IReadOnlyList<ReviewOutput> Plan(ReportFormat format, string? output, string? json, string? markdown, string? sarif, string workingDirectory)
    {
        var outputs = new List<ReviewOutput> { new(format, Full(output, workingDirectory)) };
        foreach (var (extra, file) in (ReadOnlySpan<(ReportFormat, string?)>)[(ReportFormat.Json, json), (ReportFormat.Markdown, markdown), (ReportFormat.Sarif, sarif)])
        {
            if (file is not null)
            {
                outputs.Add(new ReviewOutput(extra, Full(file, workingDirectory)));
            }
        }

        var clash = outputs.Where(o => o.File is not null).GroupBy(o => o.File, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? outputs
            : throw new CliException($"{clash.Key} is named for several outputs ({string.Join(", ", clash.Select(o => o.Format.Name()))}): give each its own file");
    }

    private static string? Full(string? path, string workingDirectory) =>
        string.IsNullOrWhiteSpace(path) || path == "-" ? null : Path.GetFullPath(path, workingDirectory);
}
