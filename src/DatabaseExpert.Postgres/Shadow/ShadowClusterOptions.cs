using System.Text.RegularExpressions;

namespace DatabaseExpert.Postgres.Shadow;

/// <summary>How a <see cref="ShadowCluster"/> is created. Every property has a working default.</summary>
public sealed partial class ShadowClusterOptions
{
    /// <summary>Settings the cluster owns: it must listen on 127.0.0.1 on the port it picked.</summary>
    private static readonly string[] ReservedSettings = ["port", "listen_addresses", "unix_socket_directories", "shared_preload_libraries"];

    /// <summary>The installation to use; null = <see cref="PostgresBinaries.Locate"/>.</summary>
    public PostgresBinaries? Binaries { get; set; }

    /// <summary>
    /// Where initialised templates are cached; null = <c>$XDG_CACHE_HOME/dbx/pg-template</c>, else
    /// <c>~/.cache/dbx/pg-template</c>.
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>
    /// Where running clusters live; null = <c>/dev/shm/dbx-shadow-&lt;uid&gt;</c> when /dev/shm is a roomy tmpfs, else
    /// <c>$TMPDIR/dbx-shadow-&lt;uid&gt;</c>.
    /// </summary>
    public string? ClustersDirectory { get; set; }

    /// <summary>The unprivileged system user PostgreSQL runs as when dbx runs as root.</summary>
    public string ServiceUser { get; set; } = "postgres";

    /// <summary>Preload pg_stat_statements when it is installed (it only works when loaded at server start).</summary>
    public bool PreloadPgStatStatements { get; set; } = true;

    /// <summary>More libraries for <c>shared_preload_libraries</c> (e.g. <c>auto_explain</c>).</summary>
    public IList<string> SharedPreloadLibraries { get; } = [];

    /// <summary>Extra server settings (name → value), applied last so they override the defaults.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the server may take to accept connections.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for another process that is building the same template.</summary>
    public TimeSpan TemplateLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceUser))
        {
            throw Invalid("ServiceUser is empty: name an unprivileged system user such as 'postgres'.");
        }

        if (StartTimeout <= TimeSpan.Zero || TemplateLockTimeout <= TimeSpan.Zero)
        {
            throw Invalid($"StartTimeout ({StartTimeout}) and TemplateLockTimeout ({TemplateLockTimeout}) must be positive.");
        }

        var reserved = Settings.Keys.FirstOrDefault(k => ReservedSettings.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (reserved is not null)
        {
            throw Invalid($"'{reserved}' is managed by the shadow cluster (it listens on 127.0.0.1 on a free port); "
                + "remove it from Settings, and put libraries in SharedPreloadLibraries.");
        }

        foreach (var name in Settings.Keys.Concat(SharedPreloadLibraries))
        {
            if (!SettingName().IsMatch(name))
            {
                throw Invalid($"'{name}' is not a valid PostgreSQL setting or library name (letters, digits, '_' and '.').");
            }
        }
    }

    private static ShadowClusterException Invalid(string message) =>
        new(ShadowClusterErrorKind.InvalidOptions, "Invalid ShadowClusterOptions: " + message);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*$")]
    private static partial Regex SettingName();
}
