using DatabaseExpert.Postgres.Health;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>Each problem planted in <see cref="PlantedShop"/> is found, on the right object, with a fix that names it.</summary>
[Collection(HealthCollection.Name)]
public sealed class PlantedProblemsTests(PlantedShop shop) : IClassFixture<PlantedShop>
{
    [Fact]
    public void Every_check_ran_without_failing()
    {
        Assert.Equal(HealthChecker.Checks.Select(c => c.Id), shop.Report.Checks.Select(c => c.Check));
        Assert.All(shop.Report.Checks, c => Assert.DoesNotContain("could not run", c.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public void Failed_concurrent_unique_build_is_an_invalid_index()
    {
        var finding = Assert.Single(Problems("invalid-indexes"));
        Assert.Equal("public.orders_customer_id_key", finding.Object);
        Assert.Contains("DROP INDEX CONCURRENTLY public.orders_customer_id_key;", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX CONCURRENTLY orders_customer_id_key ON public.orders USING btree (customer_id);", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("GROUP BY customer_id HAVING count(*) > 1", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_the_workload_never_touches_is_unused_while_the_ones_it_uses_are_not()
    {
        var unused = Problems("unused-indexes").Select(f => f.Object).ToList();
        Assert.Contains("public.orders_total_cents_idx", unused);

        // The duplicate and the redundant index may legitimately be unused too: the planner prefers their twins.
        Assert.Empty(unused.Except(["public.orders_total_cents_idx", "public.customers_email_idx", "public.orders_customer_id_idx"]));
        var finding = Problems("unused-indexes").Single(f => f.Object == "public.orders_total_cents_idx");
        Assert.Contains("DROP INDEX CONCURRENTLY public.orders_total_cents_idx;", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("statistics cover", finding.Message, StringComparison.Ordinal);
        Assert.True((long)finding.Details["tableScans"]! >= HealthThresholds.DefaultUnusedIndexMinTableScans);
    }

    [Fact]
    public void Second_index_on_customers_email_is_a_duplicate_of_the_unique_one()
    {
        var finding = Assert.Single(Problems("duplicate-indexes"));
        Assert.Equal("public.customers_email_idx", finding.Object);
        Assert.Equal("public.customers_email_key", finding.Details["duplicateOf"]);
        Assert.Equal("DROP INDEX CONCURRENTLY public.customers_email_idx;", finding.Fix);
    }

    [Fact]
    public void Single_column_index_is_covered_by_the_composite_one()
    {
        var finding = Assert.Single(Problems("redundant-indexes"));
        Assert.Equal("public.orders_customer_id_idx", finding.Object);
        Assert.Equal("public.orders_customer_id_created_at_idx", finding.Details["coveredBy"]);
        Assert.Equal("DROP INDEX CONCURRENTLY public.orders_customer_id_idx;", finding.Fix);
    }

    [Fact]
    public void Payments_foreign_key_has_no_index()
    {
        var finding = Assert.Single(Problems("unindexed-foreign-keys"));
        Assert.Equal("public.payments.payments_order_id_fkey", finding.Object);
        Assert.Equal("public.orders", finding.Details["referencedTable"]);
        Assert.Equal("CREATE INDEX CONCURRENTLY payments_order_id_idx ON public.payments (order_id);", finding.Fix);
    }

    [Fact]
    public void Audit_log_has_no_primary_key()
    {
        var finding = Assert.Single(Problems("tables-without-primary-key"));
        Assert.Equal("public.audit_log", finding.Object);
        Assert.Equal(5000L, finding.Details["rowEstimate"]);
        Assert.Contains("ALTER TABLE public.audit_log ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_valid_check_constraint_is_reported_with_its_validation()
    {
        var finding = Assert.Single(Problems("invalid-constraints"));
        Assert.Equal("public.products.products_price_cap", finding.Object);
        Assert.Contains("ALTER TABLE public.products VALIDATE CONSTRAINT products_price_cap;", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("WHERE NOT ((price_cents < 1000000))", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequences_and_integer_keys_near_their_limit()
    {
        var findings = Problems("sequence-exhaustion").ToDictionary(f => f.Object);
        Assert.Equal(["public.categories.id", "public.invoice_number_seq", "public.support_tickets.id"], findings.Keys.Order(StringComparer.Ordinal));

        // 2,000,000,000 of 2,147,483,647: past 90%.
        Assert.Equal(FindingSeverity.Critical, findings["public.invoice_number_seq"].Severity);
        Assert.Contains("ALTER SEQUENCE public.invoice_number_seq AS bigint", findings["public.invoice_number_seq"].Fix, StringComparison.Ordinal);

        // An integer identity at 1,700,000,000 (79%): widening the column takes its identity sequence along.
        var identity = findings["public.categories.id"];
        Assert.Equal(FindingSeverity.Warning, identity.Severity);
        Assert.Equal("public.categories_id_seq", identity.Details["sequence"]);
        Assert.Contains("ALTER TABLE public.categories ALTER COLUMN id TYPE bigint;", identity.Fix, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE public.categories ALTER COLUMN parent_id TYPE bigint;", identity.Fix, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE public.products ALTER COLUMN category_id TYPE bigint;", identity.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("ALTER SEQUENCE", identity.Fix, StringComparison.Ordinal);

        // A bigint sequence barely used, feeding an integer column that is 97.8% full.
        var narrow = findings["public.support_tickets.id"];
        Assert.Equal(FindingSeverity.Critical, narrow.Severity);
        Assert.Equal("bigint", narrow.Details["sequenceType"]);
        Assert.Equal(2_147_483_647L, narrow.Details["limit"]);
        Assert.Contains("ALTER TABLE public.support_tickets ALTER COLUMN id TYPE bigint;", narrow.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeatedly_updated_table_is_bloated()
    {
        // Its indexes are not: the key does not change, and b-tree bottom-up deletion (PostgreSQL 14+) removes the old versions.
        var finding = Assert.Single(Problems("bloat"));
        Assert.Equal("public.order_items", finding.Object);
        Assert.Equal("table", finding.Details["kind"]);
        Assert.True((double)finding.Details["wastedPercent"]! >= 60, $"two full updates should leave two thirds dead: {finding.Message}");
        Assert.Contains("VACUUM (ANALYZE, VERBOSE) public.order_items;", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_with_autovacuum_off_need_vacuum_or_analyze()
    {
        var findings = Problems("vacuum-analyze").ToDictionary(f => f.Object);
        Assert.Equal(["public.coupons", "public.order_items"], findings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(true, findings["public.coupons"].Details["neverAnalyzed"]);
        Assert.Contains("ANALYZE public.coupons;", findings["public.coupons"].Fix, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE public.coupons RESET (autovacuum_enabled);", findings["public.coupons"].Fix, StringComparison.Ordinal);
        Assert.Equal(FindingSeverity.Critical, findings["public.order_items"].Severity);
        Assert.Contains("VACUUM (ANALYZE, VERBOSE) public.order_items;", findings["public.order_items"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Held_sessions_are_reported_with_cancel_and_terminate_fixes()
    {
        var running = Assert.Single(Problems("long-running-queries"));
        Assert.Equal($"pid {shop.LongRunningPid}", running.Object);
        Assert.Contains("pg_sleep(600)", running.Message, StringComparison.Ordinal);
        Assert.Contains($"SELECT pg_cancel_backend({shop.LongRunningPid});", running.Fix, StringComparison.Ordinal);

        var idle = Assert.Single(Problems("idle-in-transaction"));
        Assert.Equal($"pid {shop.IdleInTransactionPid}", idle.Object);
        Assert.Contains($"SELECT pg_terminate_backend({shop.IdleInTransactionPid});", idle.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Inactive_replication_slot_is_reported()
    {
        var finding = Assert.Single(Problems("replication"), f => f.Object == shop.SlotName);
        Assert.Equal(false, finding.Details["active"]);
        Assert.Contains($"pg_drop_replication_slot('{shop.SlotName}')", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void One_customer_per_query_a_thousand_times_is_an_n_plus_one_suspect()
    {
        var finding = Assert.Single(Problems("n-plus-one"));
        Assert.Equal("public.customers", finding.Object);
        Assert.Equal(1000L, finding.Details["calls"]);
        Assert.Equal(1.0, finding.Details["rowsPerCall"]);
        Assert.Contains("select * from customers where id = ANY($1)", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("inArray(customers.id, keys)", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_with_nothing_planted_stay_ok()
    {
        Assert.Equal(HealthStatus.Ok, shop.Check("connections").Status);
        Assert.Equal(HealthStatus.Ok, shop.Check("xid-wraparound").Status);
        Assert.Equal(HealthStatus.Critical, shop.Report.Status);
    }

    [Fact]
    public void Model_text_leads_with_problems_and_their_fixes()
    {
        var text = shop.Report.ToModelText();
        Assert.StartsWith($"Health of database {shop.Database.Name} (PostgreSQL ", text, StringComparison.Ordinal);
        Assert.Contains("[critical] sequence-exhaustion:", text, StringComparison.Ordinal);
        Assert.Contains("fix: CREATE INDEX CONCURRENTLY payments_order_id_idx ON public.payments (order_id);", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("[critical]", StringComparison.Ordinal) < text.IndexOf("[warning]", StringComparison.Ordinal));
    }

    private IReadOnlyList<HealthFinding> Problems(string check) =>
        [.. shop.Check(check).Findings.Where(f => f.Severity != FindingSeverity.Info)];
}
