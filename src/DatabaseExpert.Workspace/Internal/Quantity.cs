using System.Globalization;

namespace DatabaseExpert.Workspace.Internal;

/// <summary>Numbers as people read them in messages: "12,345", "1.4 MB".</summary>
internal static class Quantity
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{Count(bytes)} bytes",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB ({Count(bytes)} bytes)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB ({Count(bytes)} bytes)"),
    };

    public static string Plural(long count, string singular, string plural) => $"{Count(count)} {(count == 1 ? singular : plural)}";
}
