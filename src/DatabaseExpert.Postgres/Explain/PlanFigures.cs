using System.Globalization;

namespace DatabaseExpert.Postgres.Explain;

/// <summary>Numbers as people read them in messages: 120,000 rows, 12.4 ms, 6.2 MB, 2.0%.</summary>
public static class PlanFigures
{
    public static string Rows(double rows) => Math.Round(rows).ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => ms switch
    {
        >= 1000 => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 100 => ms.ToString("0", CultureInfo.InvariantCulture) + " ms",
        >= 10 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
    };

    public static string Kb(double kb) => kb switch
    {
        >= 1024 * 1024 => (kb / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
        >= 1024 => (kb / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => kb.ToString("0", CultureInfo.InvariantCulture) + " kB",
    };

    public static string Percent(double share) => (share * 100).ToString(share < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";

    public static string Ratio(double ratio) => ratio.ToString(ratio < 100 ? "0.#" : "N0", CultureInfo.InvariantCulture) + "×";

    public static string Cost(double cost) => cost.ToString(cost < 1000 ? "0.##" : "N0", CultureInfo.InvariantCulture);

    /// <summary>A work_mem value worth typing: the next power of two in MB (at least 1 MB), e.g. <c>16MB</c>.</summary>
    public static string WorkMemSetting(double neededKb)
    {
        var mb = 1L;
        while (mb * 1024 < neededKb)
        {
            mb *= 2;
        }

        return mb >= 1024 && mb % 1024 == 0 ? $"{mb / 1024}GB" : $"{mb}MB";
    }
}
