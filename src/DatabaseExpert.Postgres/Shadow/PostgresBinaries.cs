using DatabaseExpert.Postgres.Shadow.Internal;

namespace DatabaseExpert.Postgres.Shadow;

/// <summary>A PostgreSQL server installation found on this machine: where it is, which version, which extensions.</summary>
/// <param name="BinDirectory">The directory holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</param>
/// <param name="Version">The server version, e.g. <c>15.18</c>.</param>
/// <param name="MajorVersion">The major version, e.g. <c>15</c>.</param>
/// <param name="ShareDirectory">The install's share directory (extension control files live below it); null when not found.</param>
/// <param name="HasHypoPg">Whether the hypopg extension is installed for this server.</param>
/// <param name="HasPgStatStatements">Whether the pg_stat_statements extension is installed for this server.</param>
/// <param name="Source">Which lookup found it (e.g. <c>DBX_PG_BIN</c>, <c>pg_config --bindir</c>, <c>PATH</c>).</param>
public sealed record PostgresBinaries(
    string BinDirectory,
    string Version,
    int MajorVersion,
    string? ShareDirectory,
    bool HasHypoPg,
    bool HasPgStatStatements,
    string Source)
{
    /// <summary>The environment variable that names the bin directory explicitly.</summary>
    public const string BinDirectoryVariable = "DBX_PG_BIN";

    public string InitdbPath => Path.Combine(BinDirectory, "initdb");

    public string PgCtlPath => Path.Combine(BinDirectory, "pg_ctl");

    public string PostgresPath => Path.Combine(BinDirectory, "postgres");

    /// <summary>
    /// Finds the server binaries. Order: <c>DBX_PG_BIN</c>, <c>pg_config --bindir</c>, <c>PATH</c> (symlinks resolved),
    /// <c>/usr/lib/postgresql/*/bin</c> (highest major first), Homebrew, <c>/usr/pgsql-*/bin</c>.
    /// </summary>
    /// <param name="environment">Reads environment variables; defaults to the process environment.</param>
    /// <exception cref="ShadowClusterException">Nothing usable was found; the message lists where dbx looked.</exception>
    public static PostgresBinaries Locate(Func<string, string?>? environment = null) =>
        new BinaryLocator(environment ?? Environment.GetEnvironmentVariable, BinaryLocator.WellKnownRoots).Locate();

    /// <summary>A cheap environment check for <c>dbx doctor</c>: never throws.</summary>
    /// <param name="serviceUser">The unprivileged user the server runs as when dbx runs as root.</param>
    /// <param name="environment">Reads environment variables; defaults to the process environment.</param>
    public static PostgresProbe Probe(string serviceUser = "postgres", Func<string, string?>? environment = null)
    {
        PostgresBinaries? binaries = null;
        string? binariesProblem = null;
        try
        {
            binaries = Locate(environment);
        }
        catch (ShadowClusterException e)
        {
            binariesProblem = e.Message;
        }

        var runProblem = ServerAccount.FindProblem(serviceUser, out var runUser, out _);
        if (runProblem is null && runUser is not null && binaries is not null)
        {
            // Prove the switch works instead of trusting that the pieces exist.
            var check = CommandRunner.Run(runUser, ["-u", serviceUser, "--", binaries.PostgresPath, "--version"]);
            if (!check.Succeeded)
            {
                runProblem = $"`runuser -u {serviceUser} -- {binaries.PostgresPath} --version` failed: {check.Output}";
            }
        }

        return new PostgresProbe(binaries, binariesProblem, Libc.IsRoot, serviceUser, runProblem is null, runProblem);
    }
}
