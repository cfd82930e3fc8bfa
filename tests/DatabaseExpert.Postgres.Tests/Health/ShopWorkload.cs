using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>
/// A short, realistic storefront workload over the shop fixture: every statement is parameterised and varies its
/// arguments, every regular index gets used, and no statement runs often enough with one row per call to look like
/// an N+1 loop. It ends by flushing the session's cumulative statistics so that pg_stat_* show it at once.
/// </summary>
internal static class ShopWorkload
{
    public static async Task RunAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        // A customer's orders of the last year: orders_customer_id_created_at_idx (about 2 rows each).
        await RepeatAsync(connection, 300,
            "select id, status, total_cents, created_at from orders where customer_id = $1 and created_at >= $2 order by created_at desc limit 10",
            i => [1L + (i * 131 % 40_000), new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero)], cancellationToken);

        // One day's revenue: orders_created_at_idx.
        await RepeatAsync(connection, 250,
            "select count(*), sum(total_cents) from orders where created_at >= $1 and created_at < $1 + interval '1 day'",
            i => [new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i % 690)], cancellationToken);

        // Who bought a product: order_items_product_id_idx (about 60 rows each).
        await RepeatAsync(connection, 200,
            "select order_id, quantity from order_items where product_id = $1", i => [1L + (i * 37 % 5_000)], cancellationToken);

        // An order with its lines (about 2.5 rows each).
        await RepeatAsync(connection, 300,
            "select o.id, o.status, i.line_no, i.product_id, i.quantity from orders o join order_items i on i.order_id = o.id where o.id = $1",
            i => [1L + (i * 587 % 120_000)], cancellationToken);

        // Product page reviews and a customer's reviews: reviews_product_id_idx, reviews_customer_id_idx.
        await RepeatAsync(connection, 100,
            "select rating, body from reviews where product_id = $1 order by created_at desc limit 20",
            i => [1L + (i * 53 % 5_000)], cancellationToken);
        await RepeatAsync(connection, 100,
            "select product_id, rating from reviews where customer_id = $1", i => [1L + (i * 397 % 40_000)], cancellationToken);

        // Category listing, attribute filter, sign-in.
        await RepeatAsync(connection, 100,
            "select id, name, price_cents from products where category_id = $1 and active order by name limit 50",
            i => [9 + (i % 42)], cancellationToken);
        await RepeatAsync(connection, 50,
            "select id, name from products where attributes @> $1::jsonb",
            i => [$$"""{"color": "{{(new[] { "red", "green", "blue", "black", "white" })[i % 5]}}"}"""], cancellationToken);
        await RepeatAsync(connection, 200,
            "select id, full_name from customers where email = $1", i => [$"customer{1 + (i * 199 % 40_000)}@example.com"], cancellationToken);

        // Writes: stock changes and a few new orders.
        await RepeatAsync(connection, 50,
            "update inventory set on_hand = on_hand - 1 where product_id = $1", i => [1L + (i * 97 % 5_000)], cancellationToken);
        await RepeatAsync(connection, 20,
            "insert into orders (customer_id, total_cents) values ($1, $2)", i => [1L + i, 1_000L + i], cancellationToken);

        await FlushStatisticsAsync(connection, cancellationToken);
    }

    /// <summary>Runs one statement <paramref name="times"/> times with the arguments <paramref name="arguments"/> gives for each round.</summary>
    public static async Task RepeatAsync(
        NpgsqlConnection connection, int times, string sql, Func<int, object[]> arguments, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < times; i++)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in arguments(i))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
            }
        }
    }

    /// <summary>
    /// PostgreSQL 15 flushes a backend's statistics when it goes idle, at most once a second; this forces the flush
    /// right after this statement, before the server answers it.
    /// </summary>
    public static async Task FlushStatisticsAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("select pg_stat_force_next_flush()", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
