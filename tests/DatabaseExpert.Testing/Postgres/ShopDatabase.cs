using Npgsql;

namespace DatabaseExpert.Testing.Postgres;

/// <summary>
/// The shared "shop" fixture: an e-commerce schema with ~420k rows of deterministic data (Fixtures/shop.sql). It is
/// built once per test process into a template database (about 6 s) and copied for every caller (about 0.4 s), so
/// tests can change their copy freely. The baseline is clean: problems are planted on copies by the tests that look
/// for them.
/// </summary>
public static class ShopDatabase
{
    public const string TemplateName = "shop_template";

    private static readonly Lock Gate = new();
    private static Task? _template;

    /// <summary>The fixture's tables, for tests that check "every table" behaviour.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["categories", "customers", "products", "orders", "order_items", "reviews", "inventory"];

    /// <summary>A private copy of the shop database, dropped when disposed.</summary>
    public static async Task<TestDatabase> CreateAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        Task template;
        lock (Gate)
        {
            template = _template is { IsFaulted: false, IsCanceled: false } ? _template : _template = BuildTemplateAsync();
        }

        await template.WaitAsync(cancellationToken);
        return await PostgresServer.CreateDatabaseAsync(namePrefix ?? "shop", TemplateName, cancellationToken);
    }

    /// <summary>The script, for tests that replay the schema elsewhere.</summary>
    public static string Script() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Postgres", "Fixtures", "shop.sql"));

    private static async Task BuildTemplateAsync()
    {
        var cluster = await PostgresServer.GetClusterAsync();
        var connectionString = await cluster.CreateDatabaseAsync(TemplateName, "template1", CancellationToken.None);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();

            // The test server commits asynchronously. VACUUM can mark a page all-visible only once the transactions that
            // wrote it are flushed, so the loading commits must be synchronous or copies start with an empty visibility map.
            await using (var durable = new NpgsqlCommand("set synchronous_commit = on", connection))
            {
                await durable.ExecuteNonQueryAsync();
            }

            await using (var script = new NpgsqlCommand(Script(), connection) { CommandTimeout = 300 })
            {
                await script.ExecuteNonQueryAsync();
            }

            // FREEZE marks every page all-visible whatever else the shared server is doing, so index-only scans in every copy
            // fetch nothing from the heap.
            await using var vacuum = new NpgsqlCommand("vacuum (freeze, analyze)", connection) { CommandTimeout = 300 };
            await vacuum.ExecuteNonQueryAsync();
        }

        // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template, pooled idle connections included.
        NpgsqlConnection.ClearAllPools();
    }
}
