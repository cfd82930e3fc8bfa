using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Fixtures;

public sealed class ShopDatabaseTests
{
    [Fact]
    public async Task Copies_hold_the_full_data_set_and_are_independent()
    {
        await using var first = await ShopDatabase.CreateAsync("shop_a");
        await using var second = await ShopDatabase.CreateAsync("shop_b");

        Assert.Equal(120_000L, await first.ScalarAsync<long>("select count(*) from orders"));
        Assert.Equal(300_000L, await first.ScalarAsync<long>("select count(*) from order_items"));
        Assert.Equal(0L, await first.ScalarAsync<long>(
            "select count(*) from orders o where total_cents <> (select sum(quantity * unit_price_cents) from order_items i where i.order_id = o.id)"));

        await first.ExecuteAsync("delete from reviews");
        Assert.Equal(0L, await first.ScalarAsync<long>("select count(*) from reviews"));
        Assert.Equal(30_000L, await second.ScalarAsync<long>("select count(*) from reviews"));
    }

    [Fact]
    public async Task Planner_statistics_travel_with_each_copy()
    {
        await using var shop = await ShopDatabase.CreateAsync();

        // Cumulative statistics (pg_stat_*) start empty in a copied database; the catalog's own figures travel with it.
        var neverAnalyzed = await shop.ScalarAsync<long>(
            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0");
        Assert.Equal(0L, neverAnalyzed);
        Assert.True(await shop.ScalarAsync<long>("select count(distinct starelid) from pg_statistic s join pg_class c on c.oid = s.starelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'") >= ShopDatabase.Tables.Count);
        Assert.Equal(ShopDatabase.Tables.Count, (int)await shop.ScalarAsync<long>(
            "select count(*) from pg_tables where schemaname = 'public'"));
    }

    [Fact]
    public async Task Index_only_scans_need_no_heap_fetches_in_a_fresh_copy()
    {
        await using var shop = await ShopDatabase.CreateAsync();
        await using var connection = await shop.OpenConnectionAsync();
        await using (var settings = new Npgsql.NpgsqlCommand("set enable_seqscan = off; set enable_bitmapscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new Npgsql.NpgsqlCommand(
            "explain (analyze, format json) select customer_id, created_at from orders where customer_id between 1 and 2000", connection);
        var plan = System.Text.Json.JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!).RootElement[0].GetProperty("Plan");

        // VACUUM of the template marked every page all-visible (its loading transactions were durable), and the copy keeps that.
        Assert.Equal("Index Only Scan", plan.GetProperty("Node Type").GetString());
        Assert.Equal(0, plan.GetProperty("Heap Fetches").GetInt64());
    }
}
