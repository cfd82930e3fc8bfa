using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Advisor;

/// <summary>
/// The advisor's test ground: a copy of the shop fixture with realistic needs planted (three foreign-key indexes
/// dropped, 'pending' orders made rare, a reseller with 500 orders) and a workload of 21 statements: lookups and joins on the now unindexed foreign
/// keys, range scans, ORDER BY … LIMIT, a rare-status filter (partial index), an aggregate over a range that an
/// index-only scan can answer (INCLUDE), and queries the existing indexes already serve.
/// </summary>
internal static class ShopWorkload
{
    public const string FileName = "shop-workload.sql";

    /// <summary>Statements that change the copy; VACUUM and ANALYZE follow separately (VACUUM cannot run in a transaction block).</summary>
    public const string PlantNeeds = """
        drop index orders_customer_id_created_at_idx;
        drop index order_items_product_id_idx;
        drop index reviews_product_id_idx;
        update orders set status = 'delivered' where status = 'pending' and id % 40 <> 0;
        insert into orders (customer_id, status, total_cents, created_at, shipped_at)
        select 7, 'delivered', 1000 + g, timestamptz '2024-01-01' + g * interval '33 hours', timestamptz '2024-01-02' + g * interval '33 hours'
        from generate_series(1, 500) g;
        """;

    /// <summary>Line numbers below are asserted on: keep the layout.</summary>
    public const string Sql = """
        -- Served by existing indexes: no recommendation may come from these.
        SELECT id, email, full_name FROM customers WHERE email = 'customer123@example.com';
        SELECT * FROM orders WHERE id = 4242;
        SELECT name, price_cents FROM products WHERE sku = 'SKU-000777';
        SELECT p.id, p.name FROM products p WHERE p.category_id = 17 AND p.active;
        UPDATE inventory SET on_hand = on_hand - 1 WHERE product_id = 42;

        -- Foreign keys whose index was dropped.
        SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = 1234 ORDER BY created_at DESC LIMIT 10;
        SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = 7 ORDER BY created_at DESC LIMIT 20;
        SELECT o.id, o.total_cents FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = 'customer777@example.com';
        SELECT oi.order_id, oi.quantity FROM order_items oi WHERE oi.product_id = 42;
        SELECT i.order_id, i.quantity FROM order_items i JOIN products p ON p.id = i.product_id WHERE p.sku = 'SKU-004321';
        SELECT r.rating, r.body, r.created_at FROM reviews r WHERE r.product_id = 77 ORDER BY r.created_at DESC LIMIT 5;
        SELECT customer_id, orders, total_cents FROM customer_order_totals WHERE customer_id = 99;

        -- Range scans and ORDER BY … LIMIT.
        SELECT count(*) FROM orders WHERE shipped_at >= '2025-03-01' AND shipped_at < '2025-03-08';
        SELECT id, email FROM customers WHERE created_at >= '2025-11-01' AND created_at < '2025-11-03';
        SELECT id, full_name FROM customers ORDER BY created_at DESC LIMIT 25;
        SELECT id, sku, price_cents FROM products WHERE active ORDER BY price_cents DESC LIMIT 20;

        -- A rare status: a partial index.
        SELECT id, customer_id, created_at FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 50;
        SELECT count(*) FROM orders WHERE status = 'pending' AND created_at < '2024-06-01';

        -- An aggregate over a range: an index-only scan with INCLUDE.
        SELECT sum(total_cents) FROM orders WHERE created_at >= '2025-01-01' AND created_at < '2025-02-01';

        -- Two equality columns.
        SELECT id, email FROM customers WHERE country = 'SE' AND zip = '10119';

        -- Not a query: skipped with a reason.
        SET work_mem = '64MB';
        """;

    /// <summary>A private shop copy with the needs planted and hypopg created.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string prefix)
    {
        var database = await ShopDatabase.CreateAsync(prefix);
        try
        {
            await database.ExecuteAsync(PlantNeeds);
            await database.ExecuteAsync("vacuum orders");

            // A sample as large as the table makes the planted table's statistics, and so the advice, the same on every run.
            await database.ExecuteAsync("set default_statistics_target = 1000; analyze orders");
            await database.CreateHypoPgAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
