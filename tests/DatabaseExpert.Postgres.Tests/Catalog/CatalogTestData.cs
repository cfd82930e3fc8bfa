using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Postgres.Catalog;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Catalog;

/// <summary>The feature schema (Fixtures/features.sql) and the schema comparison the round-trip tests use.</summary>
internal static class CatalogTestData
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string FeaturesScript() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "Fixtures", "features.sql"));

    /// <summary>A copy of the shop fixture with the feature schema "Lab" added.</summary>
    public static async Task<TestDatabase> CreateShopWithFeaturesAsync(string prefix)
    {
        var database = await ShopDatabase.CreateAsync(prefix);
        await database.ExecuteAsync(FeaturesScript());
        return database;
    }

    public static async Task<CatalogSnapshot> ReadAsync(TestDatabase database, CatalogOptions? options = null)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await CatalogReader.ReadAsync(connection, options);
    }

    /// <summary>
    /// The snapshot as JSON without what legitimately differs between two databases of the same schema: the database
    /// name and every statistics record (sizes, row estimates, index scans).
    /// </summary>
    public static string Normalized(CatalogSnapshot snapshot)
    {
        var json = JsonSerializer.SerializeToNode(snapshot, Web)!.AsObject();
        json.Remove("database");
        RemoveStatistics(json);
        return json.ToJsonString(Indented);
    }

    private static void RemoveStatistics(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("statistics");
                foreach (var (_, child) in obj)
                {
                    RemoveStatistics(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RemoveStatistics(child);
                }

                break;
        }
    }
}
