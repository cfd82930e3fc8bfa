using System.Globalization;

namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>Numbers, sizes and durations as messages show them (invariant culture, pg_size_pretty-style units).</summary>
internal static class Format
{
    private static readonly string[] Units = ["bytes", "kB", "MB", "GB", "TB"];

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, int decimals = 1) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} bytes" : $"{value.ToString("0.#", CultureInfo.InvariantCulture)} {Units[unit]}";
    }

    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalSeconds < 60 ? $"{(int)duration.TotalSeconds} s"
            : duration.TotalMinutes < 60 ? Two((int)duration.TotalMinutes, "min", duration.Seconds, "s")
            : duration.TotalHours < 24 ? Two((int)duration.TotalHours, "h", duration.Minutes, "min")
            : Two((int)duration.TotalDays, "d", duration.Hours, "h");

        static string Two(int major, string majorUnit, int minor, string minorUnit) =>
            minor == 0 ? $"{major} {majorUnit}" : $"{major} {majorUnit} {minor} {minorUnit}";
    }

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static double Round(double value, int decimals = 1) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
