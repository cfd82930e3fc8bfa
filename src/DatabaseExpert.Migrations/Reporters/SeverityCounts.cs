using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>How many findings of each severity.</summary>
public readonly record struct SeverityCounts(int Errors, int Warnings, int Infos)
{
    public int Total => Errors + Warnings + Infos;

    public static SeverityCounts Of(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        int errors = 0, warnings = 0, infos = 0;
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error:
                    errors++;
                    break;
                case Severity.Warning:
                    warnings++;
                    break;
                default:
                    infos++;
                    break;
            }
        }

        return new SeverityCounts(errors, warnings, infos);
    }

    /// <summary>"2 errors, 1 warning, 0 info".</summary>
    public override string ToString() => $"{Plural(Errors, "error")}, {Plural(Warnings, "warning")}, {Infos} info";

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
