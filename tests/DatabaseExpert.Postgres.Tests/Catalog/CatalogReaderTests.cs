using DatabaseExpert.Postgres.Catalog;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Catalog;

/// <summary>What the reader finds in the shop fixture and the feature schema, object kind by object kind.</summary>
public sealed class CatalogReaderTests(ShopWithFeaturesFixture shop) : IClassFixture<ShopWithFeaturesFixture>
{
    [Fact]
    public void Reads_every_shop_table_with_its_row_estimate_and_sizes()
    {
        var publicTables = shop.Snapshot.Tables.Where(t => t.Schema == "public").Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ShopDatabase.Tables.Order(StringComparer.Ordinal), publicTables);

        var orders = shop.Table("public", "orders");
        Assert.Equal(TableKind.Ordinary, orders.Kind);
        Assert.InRange(orders.Statistics.RowEstimate ?? 0, 100_000, 140_000);
        Assert.True(orders.Statistics.TableBytes > 1_000_000, $"orders table bytes: {orders.Statistics.TableBytes}");
        Assert.Equal(orders.Statistics.TotalBytes, orders.Statistics.TableBytes + orders.Statistics.IndexBytes);
        Assert.Equal("15", shop.Snapshot.ServerVersion.Split('.')[0]);
        Assert.Equal(shop.Database.Name, shop.Snapshot.Database);
    }

    [Fact]
    public void Columns_carry_types_with_modifiers_nullability_defaults_identity_and_generation()
    {
        var user = shop.Table("Lab", "user");
        Assert.Equal(
            ["id", "Email", "select", "search", "avatar", "tags", "moods", "status", "nick", "price", "matrix", "created_at", "label", "score"],
            user.Columns.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(1, user.Columns.Count), user.Columns.Select(c => c.Position));

        var id = Column(user, "id");
        Assert.Equal(new IdentityInfo(IdentityGeneration.ByDefault, new ObjectName("Lab", "user_id_seq"), 100, 5, 100, 9_999_999, 10, false), id.Identity);
        Assert.False(id.Nullable);

        Assert.Equal("character varying(40)", Column(user, "nick").Type);
        Assert.Equal("\"C\"", Column(user, "nick").Collation);
        Assert.Equal("numeric(10,3)", Column(user, "score").Type);
        Assert.Contains("COALESCE(\"select\"", Column(user, "label").Generated, StringComparison.Ordinal);
        Assert.Null(Column(user, "label").Default);
        Assert.Equal("now()", Column(user, "created_at").Default);

        var status = Column(user, "status");
        Assert.Equal(("\"Lab\".mood", TypeKind.Enum, "'ok'::\"Lab\".mood"), (status.Type, status.TypeKind, status.Default));
        var moods = Column(user, "moods");
        Assert.Equal((true, "\"Lab\".mood", TypeKind.Enum), (moods.IsArray, moods.ElementType, moods.TypeKind));
        var email = Column(user, "Email");
        Assert.Equal((TypeKind.Domain, "text"), (email.TypeKind, email.BaseType));
        Assert.Equal(TypeKind.Composite, Column(user, "price").TypeKind);
        Assert.Equal("public.order_status", Column(shop.Table("public", "orders"), "status").Type);
        Assert.Equal(IdentityGeneration.Always, Column(shop.Table("public", "orders"), "id").Identity?.Generation);
        Assert.Equal("Login and contact address, unique", Column(shop.Table("public", "customers"), "email").Comment);
    }

    [Fact]
    public void Drizzle_pull_failures_are_read_correctly()
    {
        // PEERS.md: drizzle-kit pull turned tsvector and bytea into unknown(...) and text[] DEFAULT '{}' into [""].
        var user = shop.Table("Lab", "user");
        Assert.Equal(("tsvector", TypeKind.Base, false), (Column(user, "search").Type, Column(user, "search").TypeKind, Column(user, "search").IsArray));
        Assert.Equal("bytea", Column(user, "avatar").Type);
        var tags = Column(user, "tags");
        Assert.Equal(("text[]", true, "text", "'{}'::text[]"), (tags.Type, tags.IsArray, tags.ElementType, tags.Default));

        // …and multi-column indexes lost their operator classes and DESC.
        var index = Index(user, "user_select_created_idx");
        Assert.Equal(
            [
                new IndexColumn { Column = "select", Opclass = "text_pattern_ops" },
                new IndexColumn { Column = "created_at", Descending = true, NullsFirst = false },
                new IndexColumn { Column = "score", NullsFirst = true },
            ],
            index.Columns);
        Assert.Equal(
            "CREATE INDEX user_select_created_idx ON \"Lab\".\"user\" USING btree (\"select\" text_pattern_ops, created_at DESC NULLS LAST, score NULLS FIRST)",
            index.Definition);

        // The shape drizzle-kit pull swapped the operator classes of (enum_ops onto the timestamp, and back).
        var mixed = Index(user, "user_status_created_idx");
        Assert.Equal([new IndexColumn { Column = "status" }, new IndexColumn { Column = "created_at", Descending = true, NullsFirst = true }], mixed.Columns);
        Assert.Equal(
            "CREATE INDEX user_status_created_idx ON \"Lab\".\"user\" USING btree (status, created_at DESC) WHERE (status <> 'sad'::\"Lab\".mood)",
            mixed.Definition);
    }

    [Fact]
    public void Indexes_carry_method_expressions_includes_predicates_collations_and_constraints()
    {
        var user = shop.Table("Lab", "user");
        var lower = Index(user, "User Nick Lower");
        Assert.Equal([new IndexColumn { Expression = "lower((nick)::text)", Opclass = "text_pattern_ops" }], lower.Columns);
        Assert.Equal("Case-insensitive prefix search", lower.Comment);

        var recent = Index(user, "user_recent_idx");
        Assert.Equal("(status <> 'sad'::\"Lab\".mood)", recent.Predicate);
        Assert.Equal(["created_at", "nick", "status"], recent.Columns.Select(c => c.Column));
        Assert.Equal([false, true, true], recent.Columns.Select(c => c.Included));

        var collated = Index(user, "user_nick_c_idx");
        Assert.Equal(new IndexColumn { Column = "nick", Collation = "\"POSIX\"", Opclass = "varchar_pattern_ops", Descending = true, NullsFirst = true }, collated.Columns.Single());
        Assert.Equal("gin", Index(user, "user_search_idx").Method);

        var primary = Index(user, "user_pkey");
        Assert.Equal((true, true, "user_pkey", true, true), (primary.Primary, primary.Unique, primary.Constraint, primary.Valid, primary.Ready));

        var products = shop.Table("public", "products");
        Assert.Equal("active", Index(products, "products_active_name_idx").Predicate);
        Assert.Equal(("gin", "jsonb_path_ops"), (Index(products, "products_attributes_idx").Method, Index(products, "products_attributes_idx").Columns.Single().Opclass));
        Assert.True(Index(products, "products_pkey").Statistics.SizeBytes > 0);

        var lines = shop.Table("Lab", "Order Lines");
        var unique = Assert.Single(lines.UniqueConstraints);
        Assert.Equal(("order_lines_sku_user_key", true), (unique.Name, unique.NullsNotDistinct));
        Assert.Equal(["sku", "user_id"], unique.Columns);
        Assert.True(Index(lines, "order_lines_sku_user_key").NullsNotDistinct);
        Assert.Equal(["order", "line"], lines.PrimaryKey?.Columns);
    }

    [Fact]
    public void Constraints_keep_actions_match_deferrability_and_validation()
    {
        var cascade = shop.Table("public", "order_items").ForeignKeys.Single(k => k.Name == "order_items_order_id_fkey");
        Assert.Equal((new ObjectName("public", "orders"), ReferentialAction.Cascade, ReferentialAction.NoAction), (cascade.References, cascade.OnDelete, cascade.OnUpdate));

        var deferred = Assert.Single(shop.Table("Lab", "Order Lines").ForeignKeys);
        Assert.Equal((ReferentialAction.SetNull, ReferentialAction.Cascade, true, true), (deferred.OnDelete, deferred.OnUpdate, deferred.Deferrable, deferred.InitiallyDeferred));

        var notValid = Assert.Single(shop.Table("Lab", "booking").ForeignKeys);
        Assert.Equal((ForeignKeyMatch.Full, false), (notValid.Match, notValid.Validated));
        Assert.EndsWith("NOT VALID", notValid.Definition, StringComparison.Ordinal);

        var check = shop.Table("Lab", "user").Checks.Single();
        Assert.Equal(("user_nick_check", false, "Added NOT VALID: old rows are not checked"), (check.Name, check.Validated, check.Comment));

        var exclusion = Assert.Single(shop.Table("Lab", "booking").Exclusions);
        Assert.Equal("EXCLUDE USING gist (room WITH =, during WITH &&)", exclusion.Definition);

        Assert.True(shop.Table("Lab", "child_log").Checks.Single().Inherited);
        Assert.False(shop.Table("Lab", "base_log").Checks.Single().Inherited);
    }

    [Fact]
    public void Partitions_keep_their_parent_bound_and_partition_indexes()
    {
        var events = shop.Table("Lab", "events");
        Assert.Equal((TableKind.Partitioned, "RANGE (happened_at)", (PartitionInfo?)null), (events.Kind, events.PartitionKey, events.PartitionOf));

        var middle = shop.Table("Lab", "events_2025");
        Assert.Equal((TableKind.Partitioned, "HASH (id)"), (middle.Kind, middle.PartitionKey));
        Assert.Equal(new ObjectName("Lab", "events"), middle.PartitionOf?.Parent);
        Assert.StartsWith("FOR VALUES FROM ('2025-01-01", middle.PartitionOf?.Bound, StringComparison.Ordinal);
        Assert.Equal("DEFAULT", shop.Table("Lab", "events_default").PartitionOf?.Bound);

        var leaf = shop.Table("Lab", "events_2025_h0");
        Assert.Equal(new ObjectName("Lab", "events_2025_pkey"), Index(leaf, "events_2025_h0_pkey").ParentIndex);
        Assert.True(leaf.PrimaryKey?.Inherited);
        Assert.True(leaf.Checks.Single().Inherited);
        Assert.Contains(" ON ONLY ", Index(events, "events_kind_idx").Definition, StringComparison.Ordinal);

        // A foreign key to a partitioned table has hidden copies per partition: only the declared one is listed.
        var notes = Assert.Single(shop.Table("Lab", "event_notes").ForeignKeys);
        Assert.Equal(new ObjectName("Lab", "events"), notes.References);
        Assert.Equal([new ObjectName("Lab", "base_log")], shop.Table("Lab", "child_log").Inherits);
    }

    [Fact]
    public void Storage_persistence_and_row_level_security_are_read()
    {
        var cache = shop.Table("Lab", "cache");
        Assert.Equal((TablePersistence.Unlogged, true, true), (cache.Persistence, cache.RowLevelSecurity, cache.ForceRowLevelSecurity));
        Assert.Equal(["fillfactor=70", "autovacuum_enabled=false"], cache.StorageOptions);
        Assert.Null(cache.Tablespace);
        Assert.Equal(TablePersistence.Permanent, shop.Table("public", "orders").Persistence);
    }

    [Fact]
    public void Views_materialized_views_and_their_dependencies_are_read()
    {
        var nicks = View("Happy Nicks");
        Assert.Equal([new ObjectName("Lab", "happy_users"), new ObjectName("Lab", "user")], nicks.DependsOn);
        Assert.Equal(["security_barrier=true"], nicks.Options);
        Assert.Equal(["nick", "label"], nicks.Columns.Select(c => c.Name));
        Assert.Equal("A view on a view", nicks.Comment);
        Assert.Null(nicks.Populated);

        var counts = View("user_counts");
        Assert.Equal((true, true), (counts.Materialized, counts.Populated));
        Assert.Equal("user_counts_status_idx", Assert.Single(counts.Indexes).Name);
        Assert.False(View("empty_counts").Populated);
        Assert.Contains("FROM (public.customers c", shop.Snapshot.Views.Single(v => v.Name == "customer_order_totals").Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_enums_domains_and_composites_are_read()
    {
        Assert.Equal(["sad", "ok", "happy", "it's complicated"], shop.Snapshot.Enums.Single(e => e.Name == "mood").Values);
        Assert.Equal(["pending", "paid", "shipped", "delivered", "cancelled", "refunded"], shop.Snapshot.Enums.Single(e => e.Name == "order_status").Values);

        var positive = shop.Snapshot.Domains.Single(d => d.Name == "positive_int");
        Assert.Equal(("integer", false, "1"), (positive.BaseType, positive.Nullable, positive.Default));
        Assert.Equal("CHECK ((VALUE > 0))", Assert.Single(positive.Checks).Definition);
        var email = shop.Snapshot.Domains.Single(d => d.Name == "email");
        Assert.Equal(("\"C\"", "email_has_at"), (email.Collation, Assert.Single(email.Checks).Name));

        var pair = Assert.Single(shop.Snapshot.CompositeTypes);
        Assert.Equal([new CompositeField("amount", "numeric(12,2)"), new CompositeField("currency", "character(3)")], pair.Attributes);
    }

    [Fact]
    public void Sequences_report_options_last_value_usage_and_owner()
    {
        var invoice = Sequence("invoice_number_seq");
        Assert.Equal(("integer", 1000L, (long?)null, 0d), (invoice.Type, invoice.Start, invoice.LastValue, invoice.PercentUsed));

        var serial = Sequence("booking_id_seq");
        Assert.Equal((41L, new ColumnReference("Lab", "booking", "id"), false), (serial.LastValue, serial.OwnedBy, serial.Identity));
        Assert.Equal(40d / (int.MaxValue - 1d) * 100, serial.PercentUsed, 12);

        var identity = Sequence("orders_id_seq");
        Assert.Equal((120_000L, true), (identity.LastValue, identity.Identity));

        var ticket = Sequence("ticket_seq");
        Assert.Equal(("smallint", -1L, -1000L, -1L, true), (ticket.Type, ticket.Increment, ticket.MinValue, ticket.MaxValue, ticket.Cycle));
        Assert.True(ticket.PercentUsed > 0, "a descending sequence that was called has used part of its range");
    }

    [Fact]
    public void Triggers_functions_and_extensions_are_read_without_extension_members()
    {
        var user = shop.Table("Lab", "user");
        var touch = user.Triggers.Single(t => t.Name == "Touch Me");
        Assert.Equal((new ObjectName("Lab", "touch"), TriggerState.Enabled, "Keeps created_at fresh"), (touch.Function, touch.State, touch.Comment));
        Assert.Equal(TriggerState.Disabled, user.Triggers.Single(t => t.Name == "user_audit").State);

        Assert.Contains(shop.Snapshot.Extensions, e => e.Name == "btree_gist" && e.Schema == "public");
        Assert.Equal(
            ["Lab.touch()", "Lab.user_label(u \"Lab\".\"user\")", "public.set_updated_at()"],
            shop.Snapshot.Functions.Select(f => $"{f.Schema}.{f.Name}({f.Arguments})"));
        Assert.True(shop.Snapshot.Functions.Single(f => f.Name == "user_label").DependsOnTables);
        Assert.StartsWith("CREATE OR REPLACE FUNCTION public.set_updated_at()", shop.Snapshot.Functions.Single(f => f.Name == "set_updated_at").Definition, StringComparison.Ordinal);
        Assert.Equal(["Lab", "public"], shop.Snapshot.Schemas.Select(s => s.Name));
    }

    [Fact]
    public void Model_text_lists_each_table_with_columns_keys_and_indexes()
    {
        var text = shop.Snapshot.ToModelText();

        Assert.Contains("table public.orders · ~", text, StringComparison.Ordinal);
        Assert.Contains("  index orders_customer_id_created_at_idx: btree (customer_id, created_at DESC) · ", text, StringComparison.Ordinal);
        Assert.Contains("foreign key order_items_order_id_fkey: (order_id) → public.orders (id) on delete cascade", text, StringComparison.Ordinal);
        Assert.Contains("enum public.order_status: pending, paid, shipped, delivered, cancelled, refunded", text, StringComparison.Ordinal);
        Assert.Contains("sequence public.invoice_number_seq integer · last none · 0% used", text, StringComparison.Ordinal);
        Assert.Contains("(disabled)", text, StringComparison.Ordinal);
    }

    private static ColumnInfo Column(TableInfo table, string name) => table.Columns.Single(c => c.Name == name);

    private static IndexInfo Index(TableInfo table, string name) => table.Indexes.Single(i => i.Name == name);

    private ViewInfo View(string name) => shop.Snapshot.Views.Single(v => v.Name == name);

    private SequenceInfo Sequence(string name) => shop.Snapshot.Sequences.Single(s => s.Name == name);
}
