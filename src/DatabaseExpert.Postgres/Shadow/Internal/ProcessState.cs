using System.Diagnostics;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>Liveness checks for processes we did not start (a postmaster is reparented away from us).</summary>
internal static class ProcessState
{
    /// <summary>
    /// True while the process runs. A zombie counts as gone: in containers whose pid 1 does not reap orphans,
    /// an exited postmaster stays a zombie for ever.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        if (!Libc.ProcessExists(pid))
        {
            return false;
        }

        return !IsZombie(pid);
    }

    /// <summary>
    /// True when the pid is a running PostgreSQL server of <paramref name="dataDirectory"/>. A pid file can outlive
    /// its server (crash, reboot) and its pid be reused, possibly by another PostgreSQL: never signal on the pid alone.
    /// </summary>
    public static bool IsServerOf(int pid, string dataDirectory)
    {
        if (!IsRunning(pid))
        {
            return false;
        }

        // Linux: a postmaster works inside its data directory, so the pid file seen through its cwd must be ours.
        if (Directory.Exists($"/proc/{pid}"))
        {
            try
            {
                // Lines 1-3 (pid, data directory, start time) never change; later lines do while the server starts.
                var seenByServer = File.ReadLines($"/proc/{pid}/cwd/{PostmasterPidFile.FileName}").Take(3);
                var ours = File.ReadLines(Path.Combine(dataDirectory, PostmasterPidFile.FileName)).Take(3).ToList();
                return ours.Count == 3 && seenByServer.SequenceEqual(ours, StringComparer.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        // Elsewhere: a postgres process that started when the pid file was written.
        try
        {
            using var process = Process.GetProcessById(pid);
            var pidFileWritten = File.GetLastWriteTimeUtc(Path.Combine(dataDirectory, PostmasterPidFile.FileName));
            return process.ProcessName.Contains("postgres", StringComparison.Ordinal)
                && (pidFileWritten - process.StartTime.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(1);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The start time of a running process, used to tell a live owner from a reused pid.</summary>
    public static DateTime? StartTimeUtc(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static bool IsZombie(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            // Format: "pid (comm) S ...": the state follows the last ')' since comm may itself contain ')'.
            var text = File.ReadAllText(stat);
            var close = text.LastIndexOf(')');
            return close >= 0 && close + 2 < text.Length && text[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
