using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Cli.Tests.Contract;

public sealed class DoctorDatabaseTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_superuser_connection_warns_and_points_to_the_least_privilege_guide()
    {
        var serverVersion = await postgres.Database.ScalarAsync<string>("show server_version");
        var environment = TestEnvironment.Base();
        environment["DATABASE_URL"] = postgres.Database.Url;

        var result = await DbxRunner.RunAsync(["doctor", "--format", "json"], _workspace.Options(environment));

        using var document = JsonDocument.Parse(result.Stdout);
        var check = DoctorTests.Check(document.RootElement.GetProperty("checks").EnumerateArray(), "database");
        Assert.True(check.GetProperty("status").GetString() == "warn", check.ToString());
        var detail = check.GetProperty("detail").GetString();
        Assert.Contains($"PostgreSQL {serverVersion}", detail, StringComparison.Ordinal);
        Assert.Contains("connected as postgres", detail, StringComparison.Ordinal);
        Assert.Contains("superuser: can read and change everything", detail, StringComparison.Ordinal);
        Assert.Contains("docs/least-privilege.md", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_role_is_ok()
    {
        var role = $"dbx_doctor_{Guid.NewGuid():N}"[..22];
        await postgres.Database.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'pw'; GRANT pg_read_all_data TO {role}");
        try
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Username = role, Password = "pw" }.ConnectionString;

            var result = await DbxRunner.RunAsync(["doctor", "--format", "json", "--db", connection], _workspace.Options());

            using var document = JsonDocument.Parse(result.Stdout);
            var check = DoctorTests.Check(document.RootElement.GetProperty("checks").EnumerateArray(), "database");
            Assert.True(check.GetProperty("status").GetString() == "ok", check.ToString());
            Assert.EndsWith($"role {role} can only read", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await postgres.Database.ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task Db_option_overrides_the_environment()
    {
        var environment = TestEnvironment.Base();
        environment["DATABASE_URL"] = "postgres://nobody:nothing@127.0.0.1:1/none";

        var result = await DbxRunner.RunAsync(["doctor", "--format", "json", "--db", postgres.Database.Url], _workspace.Options(environment));

        using var document = JsonDocument.Parse(result.Stdout);
        var check = DoctorTests.Check(document.RootElement.GetProperty("checks").EnumerateArray(), "database");
        Assert.Contains("connected as postgres", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
