namespace DatabaseExpert.Migrations.Reporters;

/// <summary>The renderings of a <see cref="ReviewReport"/>.</summary>
public enum ReportFormat
{
    /// <summary>For a terminal: grouped by file, SQL excerpts, a summary table.</summary>
    Text,

    /// <summary>The CLI contract shape <c>{"findings":[…],"summary":{…}}</c> plus files, steps and notes.</summary>
    Json,

    /// <summary>A pull-request comment, marked with <c>&lt;!-- dbx-review --&gt;</c> so CI can update it in place.</summary>
    Markdown,

    /// <summary>SARIF 2.1.0 for code scanning.</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands (<c>::error file=…::</c>): annotations on the pull request's diff.</summary>
    Github,
}

public static class ReportFormats
{
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "markdown", "sarif", "github"];

    public static string Name(this ReportFormat format) => format.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ReportFormat format)
    {
        foreach (var candidate in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(candidate.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = ReportFormat.Text;
        return false;
    }
}
