using DatabaseExpert.Postgres.Catalog;
using DatabaseExpert.Postgres.Catalog.Internal;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Catalog;

/// <summary>The script's content and order; the full round trip is in <see cref="DdlRoundTripTests"/>.</summary>
public sealed class DdlWriterTests(ShopWithFeaturesFixture shop) : IClassFixture<ShopWithFeaturesFixture>
{
    private string Ddl => shop.Snapshot.ToDdl();

    [Fact]
    public void Index_definitions_keep_operator_classes_sort_and_null_order()
    {
        // PEERS.md: drizzle-kit pull emitted wrong operator classes and dropped DESC, so its SQL did not replay.
        Assert.Contains(
            "CREATE INDEX user_select_created_idx ON \"Lab\".\"user\" USING btree (\"select\" text_pattern_ops, created_at DESC NULLS LAST, score NULLS FIRST);",
            Ddl,
            StringComparison.Ordinal);
        Assert.Contains("USING btree (created_at) INCLUDE (nick, status) WHERE (status <> 'sad'::\"Lab\".mood);", Ddl, StringComparison.Ordinal);
        Assert.Contains("USING gin (attributes jsonb_path_ops);", Ddl, StringComparison.Ordinal);
        Assert.Contains("    tags text[] DEFAULT '{}'::text[] NOT NULL,", Ddl, StringComparison.Ordinal);
        Assert.Contains("    search tsvector,\n    avatar bytea,", Ddl, StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_come_after_what_they_depend_on()
    {
        var ddl = Ddl;
        int At(string text)
        {
            var at = ddl.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, $"not in the DDL: {text}");
            return at;
        }

        Assert.True(At("CREATE EXTENSION IF NOT EXISTS btree_gist") < At("EXCLUDE USING gist"));
        Assert.True(At("CREATE TYPE \"Lab\".mood AS ENUM") < At("CREATE TABLE \"Lab\".\"user\""));
        Assert.True(At("CREATE DOMAIN \"Lab\".positive_int") < At("CREATE TABLE \"Lab\".\"Order Lines\""));
        Assert.True(At("CREATE SEQUENCE \"Lab\".booking_id_seq") < At("CREATE TABLE \"Lab\".booking"));
        Assert.True(At("CREATE TABLE \"Lab\".booking") < At("ALTER SEQUENCE \"Lab\".booking_id_seq OWNED BY \"Lab\".booking.id"));
        Assert.True(At("CREATE TABLE \"Lab\".events (") < At("CREATE TABLE \"Lab\".events_2025 PARTITION OF"));
        Assert.True(At("CREATE TABLE \"Lab\".events_2025 PARTITION OF") < At("CREATE TABLE \"Lab\".events_2025_h0 PARTITION OF"));
        Assert.True(At("CREATE TABLE \"Lab\".\"user\"") < At("CREATE OR REPLACE FUNCTION \"Lab\".user_label"));
        Assert.True(At("CREATE TABLE public.reviews") < At("FOREIGN KEY"));
        Assert.True(At("ADD CONSTRAINT categories_slug_key UNIQUE") < At("FOREIGN KEY"));
        Assert.True(At("CREATE VIEW \"Lab\".happy_users") < At("CREATE VIEW \"Lab\".\"Happy Nicks\""));
        Assert.True(At("CREATE MATERIALIZED VIEW \"Lab\".user_counts") < At("CREATE MATERIALIZED VIEW \"Lab\".empty_counts"));
        Assert.True(At("CREATE OR REPLACE FUNCTION \"Lab\".touch()") < At("CREATE TRIGGER \"Touch Me\""));
    }

    [Fact]
    public void Partition_keys_are_created_on_each_table_and_attached()
    {
        Assert.Contains("ALTER TABLE ONLY \"Lab\".events ADD CONSTRAINT events_pkey PRIMARY KEY (id, happened_at);", Ddl, StringComparison.Ordinal);
        Assert.Contains("ALTER INDEX \"Lab\".events_pkey ATTACH PARTITION \"Lab\".events_2024_pkey;", Ddl, StringComparison.Ordinal);
        Assert.Contains("ALTER INDEX \"Lab\".events_2025_kind_happened_at_idx ATTACH PARTITION \"Lab\".events_2025_h0_kind_happened_at_idx;", Ddl, StringComparison.Ordinal);
        // Inherited CHECKs come from the parent; written twice they would fail.
        Assert.Single(Ddl.Split('\n'), l => l.Contains("ADD CONSTRAINT events_kind_check", StringComparison.Ordinal));
        Assert.Single(Ddl.Split('\n'), l => l.Contains("ADD CONSTRAINT base_log_id_check", StringComparison.Ordinal));
    }

    [Fact]
    public void State_that_is_not_structure_is_kept_too()
    {
        Assert.Contains("ADD CONSTRAINT booking_booked_by_fkey FOREIGN KEY (booked_by) REFERENCES \"Lab\".\"user\"(id) MATCH FULL NOT VALID;", Ddl, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE \"Lab\".\"user\" DISABLE TRIGGER user_audit;", Ddl, StringComparison.Ordinal);
        Assert.Contains("SELECT pg_catalog.setval('public.orders_id_seq', 120000, true);", Ddl, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE \"Lab\".cache FORCE ROW LEVEL SECURITY;", Ddl, StringComparison.Ordinal);
        Assert.Contains("WITH NO DATA;", Ddl, StringComparison.Ordinal);
        Assert.Contains("COMMENT ON CONSTRAINT user_nick_check ON \"Lab\".\"user\" IS 'Added NOT VALID: old rows are not checked';", Ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("COMMENT ON SCHEMA public", Ddl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_filtered_snapshot_replays_on_its_own()
    {
        var lab = await CatalogTestData.ReadAsync(shop.Database, new CatalogOptions { Schemas = ["Lab"] });
        await using var target = await PostgresServer.CreateDatabaseAsync("ddl_lab");

        await target.ExecuteAsync(lab.ToDdl());

        DdlRoundTripTests.AssertSameSchema(lab, await CatalogTestData.ReadAsync(target, new CatalogOptions { Schemas = ["Lab"] }), lab.ToDdl());
    }

    [Theory]
    [InlineData("orders", "orders")]
    [InlineData("_tmp1", "_tmp1")]
    [InlineData("tmp$1", "\"tmp$1\"")]
    [InlineData("Order Lines", "\"Order Lines\"")]
    [InlineData("Email", "\"Email\"")]
    [InlineData("user", "\"user\"")]
    [InlineData("select", "\"select\"")]
    [InlineData("name", "name")]
    [InlineData("1st", "\"1st\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("café", "\"café\"")]
    public void Identifiers_are_quoted_only_when_needed(string name, string expected) =>
        Assert.Equal(expected, Identifiers.Quote(name));
}
