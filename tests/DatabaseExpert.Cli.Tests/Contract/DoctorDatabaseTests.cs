using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Contract;

public sealed class DoctorDatabaseTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Reachable_database_is_ok_and_names_the_server_version()
    {
        var serverVersion = await postgres.Database.ScalarAsync<string>("show server_version");
        var environment = TestEnvironment.Base();
        environment["DATABASE_URL"] = postgres.Database.Url;

        var result = await DbxRunner.RunAsync(["doctor", "--format", "json"], _workspace.Options(environment));

        using var document = JsonDocument.Parse(result.Stdout);
        var check = DoctorTests.Check(document.RootElement.GetProperty("checks").EnumerateArray(), "database");
        Assert.True(check.GetProperty("status").GetString() == "ok", check.ToString());
        Assert.Contains($"PostgreSQL {serverVersion}", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("connected as", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_option_overrides_the_environment()
    {
        var environment = TestEnvironment.Base();
        environment["DATABASE_URL"] = "postgres://nobody:nothing@127.0.0.1:1/none";

        var result = await DbxRunner.RunAsync(["doctor", "--format", "json", "--db", postgres.Database.Url], _workspace.Options(environment));

        using var document = JsonDocument.Parse(result.Stdout);
        var check = DoctorTests.Check(document.RootElement.GetProperty("checks").EnumerateArray(), "database");
        Assert.True(check.GetProperty("status").GetString() == "ok", check.ToString());
    }
}
