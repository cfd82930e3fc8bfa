using System.Diagnostics;
using System.Globalization;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// The file naming the process that owns a cluster or staging directory. A directory whose owner is gone is
/// garbage from a killed process and may be swept.
/// </summary>
internal sealed record OwnerRecord(int ProcessId, long StartTicksUtc)
{
    public const string FileName = "dbx-owner";

    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    public static OwnerRecord Current()
    {
        using var self = Process.GetCurrentProcess();
        return new OwnerRecord(Environment.ProcessId, self.StartTime.ToUniversalTime().Ticks);
    }

    public void WriteTo(string directory) =>
        File.WriteAllText(
            Path.Combine(directory, FileName),
            string.Create(CultureInfo.InvariantCulture, $"{ProcessId}\n{StartTicksUtc}\n"));

    public static OwnerRecord? TryRead(string directory)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(directory, FileName));
            return lines.Length >= 2
                && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    ? new OwnerRecord(pid, ticks)
                    : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True while the owning process runs; a pid reused by another process does not count.</summary>
    public bool IsAlive()
    {
        if (!ProcessState.IsRunning(ProcessId))
        {
            return false;
        }

        var started = ProcessState.StartTimeUtc(ProcessId);
        return started is null || (started.Value - new DateTime(StartTicksUtc, DateTimeKind.Utc)).Duration() <= StartTimeTolerance;
    }
}
