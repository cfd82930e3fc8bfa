using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>One numbered line of a finding's SQL.</summary>
internal readonly record struct ExcerptLine(int Number, string Text, bool Marked);

/// <summary>
/// The lines of a finding's statement with their file line numbers, the finding's line marked, cut to a window around it.
/// The statement starts at <c>EndLine - (lines - 1)</c> when the finding knows where it ends, else at its own line.
/// </summary>
internal static class SqlExcerpt
{
    /// <summary>
    /// True when the SQL is text of the finding's own .sql file, so its lines can be numbered. Drift and explain SQL is
    /// generated or comes from elsewhere, as is lint on the SQL an ORM would generate (placed on a schema file).
    /// </summary>
    public static bool IsFromTheFile(Finding finding) =>
        finding.Origin is not (FindingOrigin.Drift or FindingOrigin.Explain)
        && finding.File.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    /// <summary>What to call the SQL of a finding.</summary>
    public static string Title(Finding finding) => IsFromTheFile(finding) ? "Offending SQL" : finding.Origin switch
    {
        FindingOrigin.Explain => "Query",
        _ => "SQL no migration has yet",
    };

    public static IReadOnlyList<ExcerptLine> Lines(Finding finding, int window)
    {
        if (string.IsNullOrWhiteSpace(finding.Sql))
        {
            return [];
        }

        var lines = finding.Sql.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var first = finding.EndLine is { } end ? end - (lines.Length - 1) : finding.Line;
        var start = first >= 1 && first <= finding.Line ? first : finding.Line;
        var marked = finding.Line - start;
        var from = Math.Clamp(marked - (window / 2), 0, Math.Max(0, lines.Length - window));
        return lines
            .Select((text, i) => new ExcerptLine(start + i, text, i == marked))
            .Skip(from)
            .Take(window)
            .ToList();
    }
}
