using System.Diagnostics;
using System.Runtime.Versioning;
using DatabaseExpert.Postgres.Shadow;
using DatabaseExpert.Postgres.Shadow.Internal;

namespace DatabaseExpert.Postgres.Tests.Shadow;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void Locate_FindsServerProgramsVersionAndShareDirectory()
    {
        var binaries = PostgresBinaries.Locate();

        Assert.All([binaries.InitdbPath, binaries.PgCtlPath, binaries.PostgresPath], path => Assert.True(File.Exists(path), path));
        Assert.Contains($"(PostgreSQL) {binaries.Version}", RunVersion(binaries.PostgresPath), StringComparison.Ordinal);
        Assert.StartsWith($"{binaries.MajorVersion}.", binaries.Version + ".", StringComparison.Ordinal);
        Assert.NotNull(binaries.ShareDirectory);
        Assert.True(File.Exists(Path.Combine(binaries.ShareDirectory, "postgres.bki")));
    }

    [Fact]
    public void Locate_ReportsInstalledExtensions()
    {
        // CI installs hypopg; pg_stat_statements ships with the server. Missing either must fail here, not be skipped.
        var binaries = PostgresBinaries.Locate();

        Assert.True(binaries.HasHypoPg, "hypopg is not installed: apt-get install postgresql-<major>-hypopg");
        Assert.True(binaries.HasPgStatStatements);
    }

    [Fact]
    public void Locate_DbxPgBinPointingNowhere_ThrowsClearError()
    {
        const string bogus = "/nonexistent/dbx/pg/bin";

        var error = Assert.Throws<ShadowClusterException>(() => PostgresBinaries.Locate(Environment(("DBX_PG_BIN", bogus))));

        Assert.Equal(ShadowClusterErrorKind.BinariesNotFound, error.Kind);
        Assert.Contains("DBX_PG_BIN", error.Message, StringComparison.Ordinal);
        Assert.Contains(bogus, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("pg_config --bindir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_DbxPgBinWithoutServerPrograms_NamesWhatIsMissing()
    {
        using var directory = new ShadowTestDirectory();

        var error = Assert.Throws<ShadowClusterException>(() => PostgresBinaries.Locate(Environment(("DBX_PG_BIN", directory.Root))));

        Assert.Contains("no executable pg_ctl, initdb, postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_DbxPgBinValid_IsUsedFirst()
    {
        var expected = ShadowTestDirectory.Binaries;

        var binaries = PostgresBinaries.Locate(Environment(("DBX_PG_BIN", expected.BinDirectory), ("PATH", "")));

        Assert.Equal(expected.BinDirectory, binaries.BinDirectory);
        Assert.Equal("DBX_PG_BIN", binaries.Source);
    }

    [Fact]
    public void Locate_OnPathThroughSymlinks_ResolvesTheRealDirectory()
    {
        using var directory = new ShadowTestDirectory();
        var real = ShadowTestDirectory.Binaries.BinDirectory;
        foreach (var program in new[] { "pg_ctl", "initdb", "postgres" })
        {
            File.CreateSymbolicLink(Path.Combine(directory.Root, program), Path.Combine(real, program));
        }

        var binaries = PostgresBinaries.Locate(Environment(("PATH", directory.Root)));

        Assert.Equal("PATH", binaries.Source);
        Assert.Equal(real, binaries.BinDirectory);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Locate_WrapperScriptsOnPath_AreSkippedAndReported()
    {
        using var directory = new ShadowTestDirectory();
        foreach (var program in new[] { "pg_ctl", "initdb", "postgres" })
        {
            var path = Path.Combine(directory.Root, program);
            File.WriteAllText(path, "#!/bin/sh\nexec /bin/false\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var locator = new BinaryLocator(Environment(("PATH", directory.Root)), []);
        var error = Assert.Throws<ShadowClusterException>(locator.Locate);

        Assert.Contains("wrapper script", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_NothingFound_ListsWhereItLookedAndHowToInstall()
    {
        const string pattern = "/nonexistent-dbx-*/bin";
        var locator = new BinaryLocator(Environment(("PATH", "")), [pattern]);

        var error = Assert.Throws<ShadowClusterException>(locator.Locate);

        Assert.Equal(ShadowClusterErrorKind.BinariesNotFound, error.Kind);
        Assert.Contains("DBX_PG_BIN: not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("pg_config is not on PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("brew install postgresql@16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_WellKnownRoots_PreferTheHighestMajorVersion()
    {
        using var directory = new ShadowTestDirectory();
        foreach (var version in new[] { "3", "12", "9.6" })
        {
            var bin = Directory.CreateDirectory(Path.Combine(directory.Root, version, "bin")).FullName;
            foreach (var program in new[] { "pg_ctl", "initdb", "postgres" })
            {
                File.CreateSymbolicLink(Path.Combine(bin, program), Path.Combine(ShadowTestDirectory.Binaries.BinDirectory, program));
            }
        }

        var locator = new BinaryLocator(Environment(("PATH", "")), [Path.Combine(directory.Root, "*", "bin")]);
        var binaries = locator.Locate();

        Assert.Equal(Path.Combine(directory.Root, "12", "bin"), binaries.BinDirectory);
    }

    [Fact]
    public void Probe_ReportsBinariesExtensionsAndAccount()
    {
        var probe = PostgresBinaries.Probe();

        Assert.True(probe.Ready, probe.BinariesProblem ?? probe.RunServerProblem);
        Assert.True(probe.HypoPgAvailable);
        Assert.True(probe.PgStatStatementsAvailable);
        Assert.Equal(Libc.EffectiveUserId == 0, probe.RunningAsRoot);
        Assert.Equal(ShadowTestDirectory.Binaries.Version, probe.Version);
    }

    [Fact]
    public void Probe_BogusDbxPgBin_ReportsTheProblemInsteadOfThrowing()
    {
        var probe = PostgresBinaries.Probe(environment: Environment(("DBX_PG_BIN", "/nonexistent/dbx")));

        Assert.False(probe.BinariesFound);
        Assert.False(probe.Ready);
        Assert.Contains("/nonexistent/dbx", probe.BinariesProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_RootWithUnknownServiceUser_ExplainsTheFix()
    {
        var probe = PostgresBinaries.Probe(serviceUser: "dbx-no-such-user");

        if (probe.RunningAsRoot)
        {
            Assert.False(probe.CanRunServer);
            Assert.Contains("'dbx-no-such-user' does not exist", probe.RunServerProblem, StringComparison.Ordinal);
            Assert.Contains("run dbx as a regular user", probe.RunServerProblem, StringComparison.Ordinal);
        }
        else
        {
            // Without root the service user is never used.
            Assert.True(probe.CanRunServer);
        }
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static string RunVersion(string postgres)
    {
        using var process = Process.Start(new ProcessStartInfo(postgres, "--version") { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
