using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Health;

/// <summary>The index comparisons at their edges: what counts as the same index, a covering prefix, a covered foreign key.</summary>
public sealed class IndexRulesTests : IAsyncLifetime
{
    private TestDatabase? _database;

    private TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync("health_index_rules");
        await Database.ExecuteAsync("""
            create table tenants (id bigint primary key);
            create table accounts (id bigint primary key, tenant_id bigint not null, region text not null, email text not null,
                                   unique (tenant_id, id));
            create table projects (
                id bigint primary key,
                tenant_id bigint not null references tenants (id),
                account_id bigint not null,
                owner_id bigint references accounts (id),
                status text not null,
                created_at timestamptz not null,
                foreign key (tenant_id, account_id) references accounts (tenant_id, id));

            -- Covers the two-column FK with its columns in the other order, and the tenant FK as a prefix.
            create index projects_account_tenant_idx on projects (account_id, tenant_id, created_at);
            create index projects_tenant_idx on projects (tenant_id);
            -- owner_id only appears behind another column: not covered.
            create index projects_status_owner_idx on projects (status, owner_id);

            -- Same columns, different sort order on a multi-column key: different indexes.
            create index accounts_region_email_idx on accounts (region, email);
            create index accounts_region_email_desc_idx on accounts (region, email desc);
            -- Reversed single column is the same b-tree for lookups, so it is a prefix of the composite.
            create index accounts_region_desc_idx on accounts (region desc);
            -- Partial: a different predicate, never redundant to a full index.
            create index accounts_email_partial_idx on accounts (email) where region = 'eu';
            create index accounts_email_idx on accounts (email);
            -- INCLUDE columns the wider index lacks: not redundant.
            create index accounts_region_incl_idx on accounts (region) include (id);
            -- Unique prefix: enforces something, never redundant.
            create unique index accounts_email_region_key on accounts (email, region);
            -- An exact duplicate with a different name.
            create index accounts_email_copy_idx on accounts (email);
            -- Different operator class: not a duplicate.
            create index accounts_email_pattern_idx on accounts (email text_pattern_ops);
            """);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task Foreign_keys_are_covered_by_any_index_leading_with_their_columns_in_any_order()
    {
        var result = await HealthTestDatabase.RunAsync(Database, "unindexed-foreign-keys");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("public.projects.projects_owner_id_fkey", finding.Object);
        Assert.Equal("CREATE INDEX CONCURRENTLY projects_owner_id_idx ON public.projects (owner_id);", finding.Fix);
    }

    [Fact]
    public async Task Duplicates_need_the_same_columns_order_operator_class_and_predicate()
    {
        var result = await HealthTestDatabase.RunAsync(Database, "duplicate-indexes");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("public.accounts_email_copy_idx", finding.Object);
        Assert.Equal("public.accounts_email_idx", finding.Details["duplicateOf"]);
    }

    [Fact]
    public async Task Redundant_prefixes_respect_order_predicate_include_and_uniqueness()
    {
        var result = await HealthTestDatabase.RunAsync(Database, "redundant-indexes");

        var covered = result.Findings.ToDictionary(f => f.Object, f => (string)f.Details["coveredBy"]!);
        Assert.StartsWith("public.accounts_region_email", covered["public.accounts_region_desc_idx"], StringComparison.Ordinal);
        Assert.Equal("public.accounts_email_region_key", covered["public.accounts_email_idx"]);
        Assert.Equal("public.accounts_email_region_key", covered["public.accounts_email_copy_idx"]);
        Assert.DoesNotContain("public.accounts_region_incl_idx", covered.Keys);
        Assert.DoesNotContain("public.accounts_email_partial_idx", covered.Keys);
        Assert.DoesNotContain("public.accounts_email_pattern_idx", covered.Keys);
        Assert.DoesNotContain("public.projects_tenant_idx", covered.Keys);
        Assert.DoesNotContain("public.accounts_region_email_idx", covered.Keys);
        Assert.Equal(3, covered.Count);
    }
}
