namespace DatabaseExpert.Postgres.Tests.Explain.Insights;

public sealed class JitDominatesInsightTests() : ShopTest("insight_jit")
{
    // A short query forced through JIT with every optimisation: compiling takes far longer than running.
    private const string ShortQuery = "select sum(quantity * unit_price_cents), max(unit_price_cents), avg(quantity) from order_items where order_id < 200";

    [Fact]
    public async Task Jit_compilation_longer_than_the_query_is_reported()
    {
        Assert.True(
            await Shop.Database.ScalarAsync<bool>("select pg_jit_available()"),
            "JIT is unavailable on this PostgreSQL server (pg_jit_available() is false: the LLVM JIT provider, llvmjit.so, is "
            + "not installed or jit_provider is wrong), so the jit-dominates insight cannot be checked live. Install the server's "
            + "LLVM JIT package (Debian/Ubuntu: it ships in postgresql-<major>); the logic itself is covered by PlanAnalyzerTests on a captured plan.");

        var result = await Shop.AnalyzeAsync(
            ShortQuery, ("jit", "on"), ("jit_above_cost", "0"), ("jit_optimize_above_cost", "0"), ("jit_inline_above_cost", "0"));

        Assert.NotNull(result.Jit?.TotalMs);
        var insight = InsightAssert.Single(result, "jit-dominates");
        Assert.Equal("1", insight.NodeId);
        Assert.Contains("jit_above_cost 0", insight.Message, StringComparison.Ordinal);
        Assert.Contains("SET LOCAL jit = off", insight.Fix, StringComparison.Ordinal);

        InsightAssert.None(await Shop.AnalyzeAsync(ShortQuery, ("jit", "off")), "jit-dominates");
    }
}
