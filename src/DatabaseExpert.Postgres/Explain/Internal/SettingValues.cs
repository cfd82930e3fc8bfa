using System.Globalization;
using System.Text.RegularExpressions;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>Setting values as PostgreSQL prints them (<c>64kB</c>, <c>4MB</c>, <c>1GB</c>, <c>2</c>) as numbers; memory in kB.</summary>
internal static partial class SettingValues
{
    public static double? Parse(string text)
    {
        var match = Value().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "B" => number / 1024,
            "MB" => number * 1024,
            "GB" => number * 1024 * 1024,
            "TB" => number * 1024 * 1024 * 1024,
            _ => number,
        };
    }

    [GeneratedRegex(@"^(?<number>-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)\s*(?<unit>[kKMGT]?B)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Value();
}
