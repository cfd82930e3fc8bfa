using System.Globalization;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// The <c>postmaster.pid</c> lock file: line 1 is the server pid, line 8 (PostgreSQL 10+) its status
/// (<c>starting</c>, <c>ready</c>, <c>stopping</c>…). The server writes it early and removes it on exit.
/// </summary>
internal sealed record PostmasterPidFile(int ProcessId, string? Status)
{
    public const string FileName = "postmaster.pid";

    public bool IsReady => Status is null || Status.Equals("ready", StringComparison.Ordinal);

    public static PostmasterPidFile? TryRead(string dataDirectory)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(dataDirectory, FileName));
            if (lines.Length == 0 || !int.TryParse(lines[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return null;
            }

            return new PostmasterPidFile(pid, lines.Length >= 8 ? lines[7].Trim() : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
