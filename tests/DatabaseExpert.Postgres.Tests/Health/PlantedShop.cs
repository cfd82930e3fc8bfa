using System.Diagnostics;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Postgres.Health;
using DatabaseExpert.Testing.Postgres;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>
/// A copy of the shop fixture with every problem the health checks look for planted in it, a realistic workload run
/// over it, two misbehaving sessions held open, and one health report taken while they are. Disposing ends the
/// sessions, drops the replication slot and the database.
/// </summary>
public sealed class PlantedShop : IAsyncLifetime
{
    /// <summary>Time thresholds are zero for the two session checks (nothing here waits minutes); every other threshold is the default.</summary>
    public static readonly HealthThresholds Thresholds = HealthThresholds.Default with
    {
        LongRunningQueryWarning = TimeSpan.Zero,
        IdleInTransactionWarning = TimeSpan.Zero,
    };

    private const string Plant = """
        -- Unused: a report that filtered on order totals is long gone.
        create index orders_total_cents_idx on orders (total_cents);
        -- Duplicate of the unique constraint's index customers_email_key.
        create index customers_email_idx on customers (email);
        -- Redundant: the leading column of orders_customer_id_created_at_idx (customer_id, created_at desc).
        create index orders_customer_id_idx on orders (customer_id);
        -- A foreign key without an index.
        create table payments (
            id bigint generated always as identity primary key,
            order_id bigint not null references orders (id),
            amount_cents bigint not null,
            paid_at timestamptz not null default now());
        insert into payments (order_id, amount_cents) select id, total_cents from orders where id % 4 = 0;
        -- No primary key.
        create table audit_log (at timestamptz not null default now(), actor text not null, action text not null, payload jsonb);
        insert into audit_log (actor, action, payload) select 'user' || (g % 100), 'update', jsonb_build_object('n', g) from generate_series(1, 5000) g;
        -- Bloat and dead rows: two full-table updates that nothing vacuums.
        alter table order_items set (autovacuum_enabled = false);
        update order_items set quantity = quantity;
        update order_items set quantity = quantity;
        -- Near exhaustion: a plain integer sequence, an integer identity column, and an integer column fed by a bigint sequence.
        select setval('invoice_number_seq', 2000000000);
        select setval(pg_get_serial_sequence('categories', 'id'), 1700000000);
        create sequence ticket_seq;
        create table support_tickets (id integer primary key default nextval('ticket_seq'), subject text not null);
        alter sequence ticket_seq owned by support_tickets.id;
        select setval('ticket_seq', 2100000000);
        insert into support_tickets (subject) values ('printer on fire');
        -- Never analyzed, autovacuum off.
        create table coupons (id bigint generated always as identity primary key, code text not null, discount_pct int not null)
            with (autovacuum_enabled = false);
        insert into coupons (code, discount_pct) select 'C' || g, g % 50 from generate_series(1, 20000) g;
        -- A constraint added NOT VALID and never validated.
        alter table products add constraint products_price_cap check (price_cents < 1000000) not valid;
        """;

    // After the writes' statistics are flushed (else the flush would count them as changes since this ANALYZE): the new
    // tables get their statistics, as a migration would give them; order_items too, so its row estimate is current.
    private const string Analyze = "analyze payments, audit_log, support_tickets, order_items";

    private TestDatabase? _database;
    private NpgsqlConnection? _idle;
    private NpgsqlConnection? _sleeper;
    private NpgsqlCommand? _sleep;
    private Task? _sleeping;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public HealthReport Report { get; private set; } = null!;

    public int IdleInTransactionPid { get; private set; }

    public int LongRunningPid { get; private set; }

    public string SlotName { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await ShopDatabase.CreateAsync("health_planted");
        await _database.CreatePgStatStatementsAsync();
        SlotName = "dbx_" + _database.Name;
        await using (var connection = await _database.OpenConnectionAsync())
        {
            await ExecuteAsync(connection, Plant);
            await ShopWorkload.FlushStatisticsAsync(connection);
            await ExecuteAsync(connection, Analyze);

            // An invalid index: a unique index built CONCURRENTLY over duplicate customer ids fails and stays behind.
            await Assert.ThrowsAsync<PostgresException>(() =>
                ExecuteAsync(connection, "create unique index concurrently orders_customer_id_key on orders (customer_id)"));

            await ExecuteAsync(connection, $"""
                select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0);
                select pg_create_physical_replication_slot('{SlotName}', true);
                """);
            await ShopWorkload.RunAsync(connection);

            // N+1: one customer at a time, a thousand times.
            await ShopWorkload.RepeatAsync(connection, 1000, "select * from customers where id = $1", i => [1L + (i * 37 % 40_000)]);
            await ShopWorkload.FlushStatisticsAsync(connection);
        }

        _idle = await _database.OpenConnectionAsync();
        await ExecuteAsync(_idle, "begin; select 1;");
        IdleInTransactionPid = _idle.ProcessID;

        _sleeper = await _database.OpenConnectionAsync();
        LongRunningPid = _sleeper.ProcessID;
        _sleep = new NpgsqlCommand("select pg_sleep(600)", _sleeper);
        _sleeping = _sleep.ExecuteNonQueryAsync();
        await WaitUntilActiveAsync(LongRunningPid);

        await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("planted", _database.ConnectionString, ReadOnly: true));
        Report = await HealthChecker.RunAsync(handle, new HealthRequest { Thresholds = Thresholds, MaxParallelism = 1 });
    }

    public HealthCheckResult Check(string id) => Report.Checks.Single(c => c.Check == id);

    public async Task DisposeAsync()
    {
        if (_sleep is not null && _sleeping is not null)
        {
            _sleep.Cancel();
            await Assert.ThrowsAnyAsync<Exception>(() => _sleeping);
            await _sleep.DisposeAsync();
        }

        if (_sleeper is not null)
        {
            await _sleeper.DisposeAsync();
        }

        if (_idle is not null)
        {
            await _idle.DisposeAsync();
        }

        if (_database is not null)
        {
            await using (var connection = await _database.OpenConnectionAsync())
            {
                await ExecuteAsync(connection, $"select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '{SlotName}'");
            }

            NpgsqlConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The statement was sent; wait (bounded) until the server reports it running.</summary>
    private async Task WaitUntilActiveAsync(int pid)
    {
        await using var connection = await Database.OpenConnectionAsync();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var command = new NpgsqlCommand("select state = 'active' from pg_stat_activity where pid = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = pid } },
            };
            if (await command.ExecuteScalarAsync() is true)
            {
                return;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"pid {pid} never became active");
            await Task.Yield();
        }
    }
}
