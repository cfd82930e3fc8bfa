using DatabaseExpert.Postgres.Shadow;
using Xunit;

namespace DatabaseExpert.Testing.Postgres;

/// <summary>
/// A database of the shared test server for one test class (<c>IClassFixture&lt;PostgresFixture&gt;</c>) or one
/// collection (<c>ICollectionFixture&lt;PostgresFixture&gt;</c>). Created before the first test, dropped after the last.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database =>
        _database ?? throw new InvalidOperationException("PostgresFixture is used before xunit initialised it.");

    public string ConnectionString => Database.ConnectionString;

    public ShadowCluster Cluster => Database.Cluster;

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync("fixture");

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
