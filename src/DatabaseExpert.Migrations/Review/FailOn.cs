using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;

namespace DatabaseExpert.Migrations.Review;

/// <summary><c>--fail-on</c>: the lowest severity that fails the review (exit code 1).</summary>
public enum FailOn
{
    Error,
    Warning,

    /// <summary>Report only: the exit code never depends on findings.</summary>
    Never,
}

public static class FailOnExtensions
{
    public static IReadOnlyList<string> Names { get; } = ["error", "warning", "never"];

    /// <summary>True when <paramref name="report"/> has a finding at or above the threshold.</summary>
    public static bool Fails(this FailOn failOn, ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return failOn switch
        {
            FailOn.Error => report.HasFindingsAtOrAbove(Severity.Error),
            FailOn.Warning => report.HasFindingsAtOrAbove(Severity.Warning),
            _ => false,
        };
    }

    public static bool TryParse(string? text, out FailOn failOn)
    {
        var index = Names.ToList().FindIndex(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        failOn = index < 0 ? FailOn.Error : (FailOn)index;
        return index >= 0;
    }
}
