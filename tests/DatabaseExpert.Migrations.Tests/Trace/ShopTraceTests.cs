using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Migrations.Trace.Rules;

namespace DatabaseExpert.Migrations.Tests.Trace;

/// <summary>The bundled Drizzle example, 0001..0006 traced after 0000 and the seed: the README's table, measured.</summary>
public sealed class ShopTraceTests
{
    private static readonly string Root = Path.Combine(TraceHarness.RepositoryRoot, "examples", "shop");

    [Fact]
    public async Task Shop_migrations_traced_with_the_seed_give_the_expected_findings_per_file()
    {
        var project = MigrationSources.Read(Root, new MigrationSourceOptions { DisplayRoot = Root });
        Assert.Equal(MigrationFormat.Drizzle, project.Format);
        Assert.Equal(7, project.Files.Count);

        var result = await TraceHarness.TraceAsync(new TraceRequest
        {
            History = [project.Files[0]],
            Seed = SeedScript.FromFile(Path.Combine(Root, "seed.sql"), "seed.sql"),
            Targets = [.. project.Files.Skip(1)],
        });

        Assert.True(result.SetupSucceeded, string.Join("\n", result.Findings.Select(f => f.Message)));
        string[] Rules(string tag) => [.. result.Findings.Where(f => f.File == $"drizzle/{tag}.sql").Select(f => f.Rule).Order(StringComparer.Ordinal)];

        Assert.Equal([TraceRuleIds.IndexNotConcurrent, TraceRuleIds.LockWithoutTimeout], Rules("0001_orders_status_index"));
        Assert.Equal([TraceRuleIds.MigrationFailed], Rules("0002_customer_phone"));
        Assert.Equal([TraceRuleIds.LockWithoutTimeout, TraceRuleIds.TableRewrite], Rules("0003_order_total_bigint"));
        Assert.Empty(Rules("0004_reviews"));
        Assert.Equal(
            [TraceRuleIds.AccessExclusiveHeld, TraceRuleIds.ConstraintValidationScan, TraceRuleIds.ForeignKeyWithoutIndex, TraceRuleIds.LockWithoutTimeout],
            Rules("0005_coupons"));
        Assert.Equal([TraceRuleIds.BulkRowChange], Rules("0006_backfill_order_totals"));

        // The measured evidence behind the key findings.
        var phone = result.Files.Single(f => f.File.Id == "0002_customer_phone");
        Assert.Equal(("23502", 1, 1), (phone.Error!.SqlState, phone.Error.Line, phone.Error.Column));
        var rewrite = result.Findings.Single(f => f.Rule == TraceRuleIds.TableRewrite);
        Assert.Contains("orders (total_cents integer → bigint)", rewrite.Message, StringComparison.Ordinal);
        Assert.Contains("~60,000 rows", rewrite.Evidence, StringComparison.Ordinal);
        var missingIndex = result.Findings.Single(f => f.Rule == TraceRuleIds.ForeignKeyWithoutIndex);
        Assert.Equal("CREATE INDEX CONCURRENTLY orders_coupon_id_idx ON orders (coupon_id);", missingIndex.SafeRewrite);
        Assert.Contains("60,000 rows of orders", result.Findings.Single(f => f.Rule == TraceRuleIds.BulkRowChange).Message, StringComparison.Ordinal);
        var fk = result.Statement("ALTER TABLE \"orders\" ADD CONSTRAINT");
        Assert.Contains(LockMode.ShareRowExclusive, fk.LocksOn("orders"));
        Assert.Equal(["orders"], fk.HeldAccessExclusive);
    }

    [Fact]
    public async Task Seed_applies_after_any_prefix_of_the_shop_history()
    {
        var project = MigrationSources.Read(Root, new MigrationSourceOptions { DisplayRoot = Root });
        foreach (var count in new[] { 1, 3, 6 })
        {
            var result = await TraceHarness.TraceAsync(new TraceRequest
            {
                History = [.. project.Files.Take(count)],
                Seed = SeedScript.FromFile(Path.Combine(Root, "seed.sql"), "seed.sql"),
                Targets = [TraceHarness.Migration("probe.sql", "SELECT count(*) FROM customers")],
            });

            Assert.True(result.SetupSucceeded, $"after {count} migration(s): {string.Join("\n", result.Findings.Select(f => f.Message))}");
        }
    }
}
