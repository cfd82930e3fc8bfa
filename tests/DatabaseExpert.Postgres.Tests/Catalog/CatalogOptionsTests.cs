using DatabaseExpert.Postgres.Catalog;
using DatabaseExpert.Postgres.Connections;

namespace DatabaseExpert.Postgres.Tests.Catalog;

/// <summary>Schema and table filters, and the errors for names that are not there.</summary>
public sealed class CatalogOptionsTests(ShopWithFeaturesFixture shop) : IClassFixture<ShopWithFeaturesFixture>
{
    [Fact]
    public async Task Included_schemas_limit_every_object_kind()
    {
        var lab = await CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { Schemas = ["Lab"] });

        Assert.All(lab.Tables, t => Assert.Equal("Lab", t.Schema));
        Assert.All(lab.Views, v => Assert.Equal("Lab", v.Schema));
        Assert.All(lab.Sequences, s => Assert.Equal("Lab", s.Schema));
        Assert.Equal(["mood"], lab.Enums.Select(e => e.Name));
        Assert.Equal(["Lab"], lab.Schemas.Select(s => s.Name));
        Assert.Equal(shop.Snapshot.Tables.Count(t => t.Schema == "Lab"), lab.Tables.Count);
    }

    [Fact]
    public async Task Excluded_schemas_are_left_out()
    {
        var snapshot = await CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { ExcludeSchemas = ["Lab"] });

        Assert.Equal(["public"], snapshot.Schemas.Select(s => s.Name));
        Assert.Equal(7, snapshot.Tables.Count);
        Assert.Equal(["set_updated_at"], snapshot.Functions.Select(f => f.Name));
    }

    [Fact]
    public async Task An_unknown_schema_is_an_error_that_lists_the_schemas()
    {
        var error = await Assert.ThrowsAsync<CatalogException>(() => CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { Schemas = ["lab"] }));

        Assert.Equal(CatalogErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("no schema named 'lab'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Lab, information_schema, pg_catalog, public", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_patterns_match_name_or_schema_qualified_name()
    {
        var orders = await CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { Tables = ["order*"] });
        Assert.Equal(["order_items", "orders"], orders.Tables.Select(t => t.Name));
        Assert.Empty(orders.Views);
        // Sequences of other tables go with them; stand-alone ones stay (the DDL may need them).
        Assert.Equal(["booking_id_seq", "categories_id_seq", "customers_id_seq", "products_id_seq", "reviews_id_seq", "user_id_seq"],
            shop.Snapshot.Sequences.Select(s => s.Name).Except(orders.Sequences.Select(s => s.Name)).Order(StringComparer.Ordinal));

        var qualified = await CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { Tables = ["Lab.events_202?", "public.customer_order_totals"] });
        Assert.Equal(["events_2024", "events_2025"], qualified.Tables.Select(t => t.Name));
        Assert.Equal(["customer_order_totals"], qualified.Views.Select(v => v.Name));
    }

    [Fact]
    public async Task A_table_pattern_that_matches_nothing_is_an_error()
    {
        var error = await Assert.ThrowsAsync<CatalogException>(() => CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { Tables = ["Orders"] }));

        Assert.Equal(CatalogErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("no table or view matches 'Orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_through_a_read_only_database_handle()
    {
        await using var handle = await DatabaseHandle.OpenAsync(new DatabaseTarget("test", shop.Database.ConnectionString, ReadOnly: true));

        var snapshot = await CatalogReader.ReadAsync(handle, new CatalogOptions { Tables = ["customers"] });

        Assert.Equal("customers", Assert.Single(snapshot.Tables).Name);
    }

    [Fact]
    public async Task A_table_locked_by_a_migration_becomes_a_clear_error_instead_of_a_hang()
    {
        await using var migration = await shop.Database.OpenConnectionAsync();
        await using var transaction = await migration.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand("lock table reviews in access exclusive mode", migration, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<CatalogException>(
            () => CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { LockTimeout = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(CatalogErrorKind.Timeout, error.Kind);
        Assert.Contains("lock_timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_timeout_becomes_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<CatalogException>(
            () => CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { StatementTimeout = TimeSpan.FromMilliseconds(1) }));

        Assert.Equal(CatalogErrorKind.Timeout, error.Kind);
        Assert.Contains("statement_timeout", error.Message, StringComparison.Ordinal);
    }
}
