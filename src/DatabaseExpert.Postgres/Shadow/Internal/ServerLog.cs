using System.Text;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>Reads the server log that pg_ctl writes, for failure messages and start diagnostics.</summary>
internal static class ServerLog
{
    public static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>The text appended since <paramref name="offset"/>.</summary>
    public static string ReadFrom(string path, long offset)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (offset > 0 && offset <= stream.Length)
            {
                stream.Seek(offset, SeekOrigin.Begin);
            }

            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The last lines of the log, indented, ready to put in an error message.</summary>
    public static string Tail(string path, int lines = 20)
    {
        var text = ReadFrom(path, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"(the server log {path} is empty or missing)";
        }

        var tail = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines);
        return $"Last lines of the server log ({path}):\n" + string.Join('\n', tail.Select(l => "  " + l.TrimEnd()));
    }
}
