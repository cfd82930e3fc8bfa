namespace DatabaseExpert.Postgres.Shadow;

/// <summary>What <c>dbx doctor</c> reports about embedded PostgreSQL support on this machine.</summary>
/// <param name="Binaries">The installation found, or null.</param>
/// <param name="BinariesProblem">Why none was found (where dbx looked, how to install), or null.</param>
/// <param name="RunningAsRoot">Whether dbx runs as root (then the server runs as <paramref name="ServiceUser"/>).</param>
/// <param name="ServiceUser">The unprivileged user used when running as root.</param>
/// <param name="CanRunServer">Whether dbx can run initdb and the server under the current account.</param>
/// <param name="RunServerProblem">Why it cannot, and how to fix it; null when it can.</param>
public sealed record PostgresProbe(
    PostgresBinaries? Binaries,
    string? BinariesProblem,
    bool RunningAsRoot,
    string ServiceUser,
    bool CanRunServer,
    string? RunServerProblem)
{
    public bool BinariesFound => Binaries is not null;

    public string? Version => Binaries?.Version;

    public bool HypoPgAvailable => Binaries?.HasHypoPg ?? false;

    public bool PgStatStatementsAvailable => Binaries?.HasPgStatStatements ?? false;

    /// <summary>True when a shadow cluster can be started here.</summary>
    public bool Ready => BinariesFound && CanRunServer;
}
