using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Shadow;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFixtureTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Fixture_ProvidesItsOwnDatabaseOnTheSharedServer()
    {
        var shared = await PostgresServer.GetClusterAsync();

        Assert.Same(shared, fixture.Cluster);
        Assert.Equal(fixture.Database.Name, await fixture.Database.ScalarAsync<string>("SELECT current_database()"));
    }

    [Fact]
    public async Task ExtensionHelpers_CreateHypoPgAndPgStatStatements()
    {
        await fixture.Database.CreateHypoPgAsync();
        await fixture.Database.CreatePgStatStatementsAsync();

        var installed = await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_extension WHERE extname IN ('hypopg', 'pg_stat_statements')");
        Assert.Equal(2L, installed);
    }

    [Fact]
    public async Task CreateExtension_Unknown_ExplainsHowToInstall()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Database.CreateExtensionAsync("no_such_ext"));

        Assert.Contains($"apt-get install postgresql-{fixture.Cluster.MajorVersion}-no-such-ext", error.Message, StringComparison.Ordinal);
    }
}

public sealed class PostgresServerTests
{
    [Fact]
    public async Task CreateDatabaseAsync_GivesUniqueDatabases_DroppedOnDispose()
    {
        var first = await PostgresServer.CreateDatabaseAsync("Shop Tests!");
        var second = await PostgresServer.CreateDatabaseAsync("Shop Tests!");
        var cluster = await PostgresServer.GetClusterAsync();

        Assert.NotEqual(first.Name, second.Name);
        Assert.StartsWith("shop_tests__", first.Name, StringComparison.Ordinal);
        await first.ExecuteAsync("CREATE TABLE t (id int)");
        Assert.Equal(0L, await second.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 't'"));

        await first.DisposeAsync();
        await second.DisposeAsync();

        await using var admin = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await admin.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = ANY(@names)", admin);
        count.Parameters.AddWithValue("names", new[] { first.Name, second.Name });
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }
}
