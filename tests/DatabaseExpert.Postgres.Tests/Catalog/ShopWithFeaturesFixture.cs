using DatabaseExpert.Postgres.Catalog;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Catalog;

/// <summary>A copy of the shop fixture plus the feature schema, read once for a whole test class.</summary>
public sealed class ShopWithFeaturesFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private CatalogSnapshot? _snapshot;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public CatalogSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("not initialised");

    public TableInfo Table(string schema, string name) =>
        Snapshot.Tables.SingleOrDefault(t => t.Schema == schema && t.Name == name)
        ?? throw new InvalidOperationException($"no table {schema}.{name}; tables: {string.Join(", ", Snapshot.Tables.Select(t => t.QualifiedName))}");

    public async Task InitializeAsync()
    {
        _database = await CatalogTestData.CreateShopWithFeaturesAsync("catalog");
        _snapshot = await CatalogTestData.ReadAsync(_database);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
