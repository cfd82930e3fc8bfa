using System.Globalization;
using System.Text;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>
/// The settings of a throwaway cluster, appended to its postgresql.conf (later lines win, so a retry on another port
/// simply appends again). Written to the file rather than passed to pg_ctl -o, which goes through a shell.
/// </summary>
internal static class ServerConfig
{
    /// <summary>sun_path holds 104 bytes on macOS, 108 on Linux; beyond that the server cannot create its socket.</summary>
    private const int MaxSocketPathLength = 100;

    public static IReadOnlyList<KeyValuePair<string, string>> Build(
        ShadowClusterOptions options, PostgresBinaries binaries, string socketDirectory, int port)
    {
        var preload = new List<string>();
        if (options.PreloadPgStatStatements && binaries.HasPgStatStatements)
        {
            preload.Add("pg_stat_statements");
        }

        preload.AddRange(options.SharedPreloadLibraries.Where(l => !preload.Contains(l, StringComparer.Ordinal)));
        var socketPath = Path.Combine(socketDirectory, ".s.PGSQL." + port.ToString(CultureInfo.InvariantCulture));
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["listen_addresses"] = "127.0.0.1",
            ["port"] = port.ToString(CultureInfo.InvariantCulture),
            ["unix_socket_directories"] = Encoding.UTF8.GetByteCount(socketPath) <= MaxSocketPathLength ? socketDirectory : "",
            // Throwaway data: durability buys nothing and costs start-up and test time.
            ["fsync"] = "off",
            ["synchronous_commit"] = "off",
            ["full_page_writes"] = "off",
            ["logging_collector"] = "off",
            ["shared_preload_libraries"] = string.Join(',', preload),
        };
        foreach (var (name, value) in options.Settings)
        {
            settings[name] = value;
        }

        return [.. settings];
    }

    public static void Append(string dataDirectory, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        var text = new StringBuilder("\n# dbx shadow cluster\n");
        foreach (var (name, value) in settings)
        {
            text.Append(name).Append(" = ").Append(Quote(value)).Append('\n');
        }

        // Appending keeps the file's owner (the service user when running as root).
        File.AppendAllText(Path.Combine(dataDirectory, "postgresql.conf"), text.ToString());
    }

    private static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
