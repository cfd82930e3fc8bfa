using DatabaseExpert.Postgres.Advisor;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Advisor;

public sealed class AdvisorBehaviourTests
{
    [Fact]
    public async Task Stays_within_the_storage_budget()
    {
        await using var shop = await ShopWorkload.CreateDatabaseAsync("advisor_budget");
        await using var handle = await OpenAsync(shop, readOnly: true);
        const long Budget = 1_500_000;

        var unlimited = await IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromWorkload(ShopWorkload.Sql, ShopWorkload.FileName));
        var limited = await IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromWorkload(ShopWorkload.Sql, ShopWorkload.FileName) with { BudgetBytes = Budget });

        Assert.True(unlimited.Recommendations.Sum(r => r.EstimatedSizeBytes) > Budget, "the workload must want more than the budget for this test to mean anything");
        Assert.NotEmpty(limited.Recommendations);
        Assert.InRange(limited.Recommendations.Sum(r => r.EstimatedSizeBytes), 1, Budget);
        Assert.Equal(Budget, limited.BudgetBytes);
        Assert.True(limited.WorkloadCostAfter < limited.WorkloadCostBefore);
        Assert.True(limited.WorkloadCostAfter >= unlimited.WorkloadCostAfter);
    }

    [Fact]
    public async Task Costs_parameterised_queries_with_generic_plans_and_skips_what_cannot_be_planned()
    {
        await using var shop = await ShopWorkload.CreateDatabaseAsync("advisor_generic");
        await using var handle = await OpenAsync(shop, readOnly: false);
        const string Workload = """
            SELECT oi.order_id, oi.quantity FROM order_items oi WHERE oi.product_id = $1;
            SELECT id FROM ordrs WHERE id = 1;
            -- Writes are costed with EXPLAIN only, never executed, not even by verification.
            WITH gone AS (DELETE FROM reviews WHERE product_id = 77 RETURNING id) SELECT count(*) FROM gone;
            """;

        var result = await IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromWorkload(Workload, "generic.sql") with { Verify = true });

        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("generic.sql:2", skipped.Source);
        Assert.Contains("relation \"ordrs\" does not exist", skipped.Reason, StringComparison.Ordinal);
        var items = Assert.Single(result.Queries, q => q.Source == "generic.sql:1");
        Assert.Single(items.Indexes);
        Assert.Contains(result.Recommendations, r => r.Table == "order_items" && r.Columns[0] == "product_id");
        Assert.Contains(result.Recommendations, r => r.Table == "reviews" && r.Columns[0] == "product_id");
        Assert.NotNull(result.Verification);
        Assert.Contains(result.Verification.Queries, q => q.Source == "generic.sql:1" && q.NotTimedReason!.Contains("$n parameters", StringComparison.Ordinal));
        Assert.Contains(result.Verification.Queries, q => q.Source == "generic.sql:4" && q.NotTimedReason!.Contains("changes data", StringComparison.Ordinal));
        Assert.Equal(6L, await shop.ScalarAsync<long>("select count(*) from reviews where product_id = 77"));
    }

    [Fact]
    public async Task Statements_hidden_behind_semicolons_in_strings_or_comments_are_never_run()
    {
        await using var shop = await ShopWorkload.CreateDatabaseAsync("advisor_attack");
        await using var handle = await OpenAsync(shop, readOnly: false);
        const string Workload = """
            SELECT id FROM orders WHERE notes = 'a; DROP TABLE reviews' /* ; DROP TABLE reviews; */ AND shipped_at > now(); COMMIT; DROP TABLE reviews;
            SELECT $tag$; TRUNCATE customers; $tag$ FROM customers WHERE id = 1;
            """;

        var result = await IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromWorkload(Workload, "attack.sql") with { Verify = true });

        Assert.Equal(["attack.sql:1", "attack.sql:2"], result.Queries.Select(q => q.Source));
        Assert.Equal(2, result.Skipped.Count);
        Assert.All(result.Skipped, s => Assert.Contains("not a query", s.Reason, StringComparison.Ordinal));
        Assert.Equal(30_000L, await shop.ScalarAsync<long>("select count(*) from reviews"));
        Assert.Equal(40_000L, await shop.ScalarAsync<long>("select count(*) from customers"));
    }

    [Fact]
    public async Task Verification_needs_a_writable_target_or_explicit_permission()
    {
        await using var shop = await ShopWorkload.CreateDatabaseAsync("advisor_readonly");
        await using var handle = await OpenAsync(shop, readOnly: true);
        var request = AdviseRequest.FromWorkload("SELECT count(*) FROM orders WHERE shipped_at >= '2025-03-01' AND shipped_at < '2025-03-08'", "w.sql") with { Verify = true };

        var refused = await Assert.ThrowsAsync<AdvisorException>(() => IndexAdvisor.AdviseAsync(handle, request));
        var allowed = await IndexAdvisor.AdviseAsync(handle, request with { AllowWrites = true });

        Assert.Equal(AdvisorErrorKind.VerifyNeedsWrites, refused.Kind);
        Assert.True(refused.IsUsageError);
        Assert.Contains("readOnly: false", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-writes", refused.Message, StringComparison.Ordinal);
        Assert.True(allowed.Verification!.Performed, allowed.Verification.Reason);
        Assert.True(allowed.Verification.Queries.Single().AfterMs < allowed.Verification.Queries.Single().BeforeMs);
    }

    [Fact]
    public async Task Missing_extensions_are_clear_errors_that_say_what_to_run()
    {
        await using var empty = await PostgresServer.CreateDatabaseAsync("advisor_nohypopg");
        await using var handle = await OpenAsync(empty, readOnly: true);

        var noHypoPg = await Assert.ThrowsAsync<AdvisorException>(() => IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromWorkload("SELECT 1", "w.sql")));
        await empty.CreateHypoPgAsync();
        var noStatStatements = await Assert.ThrowsAsync<AdvisorException>(() => IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromStatStatements()));

        Assert.Equal(AdvisorErrorKind.HypoPgNotCreated, noHypoPg.Kind);
        Assert.Contains("CREATE EXTENSION hypopg", noHypoPg.Message, StringComparison.Ordinal);
        Assert.Contains(empty.Name, noHypoPg.Message, StringComparison.Ordinal);
        Assert.True(noHypoPg.IsUsageError);
        Assert.Equal(AdvisorErrorKind.StatStatementsNotCreated, noStatStatements.Kind);
        Assert.Contains("CREATE EXTENSION pg_stat_statements", noStatStatements.Message, StringComparison.Ordinal);
        Assert.Contains("--workload", noStatStatements.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1;\nSELECT 'unterminated FROM orders;\n", AdvisorErrorKind.InvalidWorkload, "w.sql:2:8: unterminated string constant")]
    [InlineData("SET work_mem = '1GB';\nSELECT * FROM nowhere;\n", AdvisorErrorKind.EmptyWorkload, "w.sql:2: cannot be planned: relation \"nowhere\" does not exist")]
    [InlineData("SELECT now();", AdvisorErrorKind.EmptyWorkload, "w.sql:1: reads no user table")]
    public async Task Unusable_workloads_are_refused_with_the_place_and_the_reason(string workload, AdvisorErrorKind kind, string message)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync("advisor_badworkload");
        await database.CreateHypoPgAsync();
        await using var handle = await OpenAsync(database, readOnly: true);

        var error = await Assert.ThrowsAsync<AdvisorException>(() => IndexAdvisor.AdviseAsync(handle, AdviseRequest.FromWorkload(workload, "w.sql")));

        Assert.Equal(kind, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Task<DatabaseHandle> OpenAsync(TestDatabase database, bool readOnly) =>
        DatabaseHandle.OpenAsync(new DatabaseTarget("test", database.ConnectionString, readOnly));
}
