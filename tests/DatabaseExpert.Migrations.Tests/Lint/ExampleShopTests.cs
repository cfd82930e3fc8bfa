using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Lint;

/// <summary>The bundled Drizzle example: each risky migration gets its finding, the new table of 0004 gets none.</summary>
public sealed class ExampleShopTests
{
    private static readonly string Root = DatabaseExpert.Testing.RepositoryPaths.Root;

    [Fact]
    public void Reads_the_journal_in_order_as_one_transaction()
    {
        var set = MigrationSources.Read(Path.Combine(Root, "examples", "shop"), new MigrationSourceOptions { DisplayRoot = Root });

        Assert.Equal(MigrationFormat.Drizzle, set.Format);
        Assert.Equal(
            ["0000_init", "0001_orders_status_index", "0002_customer_phone", "0003_order_total_bigint", "0004_reviews", "0005_coupons",
                "0006_backfill_order_totals"],
            set.Files.Select(f => f.Id));
        Assert.All(set.Files, f => Assert.True(f.RunsInTransaction));
        Assert.Equal("examples/shop/drizzle/0001_orders_status_index.sql", set.Files[1].DisplayPath);
    }

    [Fact]
    public void Each_migration_gets_the_findings_it_deserves()
    {
        var result = MigrationLinter.Lint(MigrationSources.Read(Path.Combine(Root, "examples", "shop"), new MigrationSourceOptions { DisplayRoot = Root }), new LintOptions());

        var byFile = result.Findings.GroupBy(f => Path.GetFileNameWithoutExtension(f.File))
            .ToDictionary(g => g.Key, g => g.Select(f => $"{f.Line}:{f.Column} {f.Rule} {f.Severity.ToString().ToLowerInvariant()}").ToList());
        Assert.Equal(
            [
                "3:7 prefer-bigint-over-int warning", "3:7 prefer-identity warning", "4:10 prefer-text-field info", "6:15 prefer-timestamptz warning",
                "11:13 prefer-bigint-over-int warning", "13:15 prefer-bigint-over-int warning", "19:7 prefer-bigint-over-int warning",
                "19:7 prefer-identity warning", "20:16 prefer-bigint-over-int warning", "24:15 prefer-timestamptz warning",
                "28:7 prefer-bigint-over-int warning", "28:7 prefer-identity warning",
            ],
            byFile["0000_init"]);
        Assert.Equal(
            ["1:1 require-concurrent-index-creation error", "1:1 require-lock-timeout warning", "1:1 require-statement-timeout warning"],
            byFile["0001_orders_status_index"]);
        Assert.Equal(["1:1 require-lock-timeout warning", "1:25 adding-not-nullable-field error"], byFile["0002_customer_phone"]);
        Assert.Equal(
            ["1:1 require-lock-timeout warning", "1:1 require-statement-timeout warning", "1:22 changing-column-type error"],
            byFile["0003_order_total_bigint"]);
        // The new table's foreign keys and indexes raise nothing; only the type choices of its columns are noted.
        Assert.Equal(
            [
                "2:7 prefer-bigint-over-int warning", "2:7 prefer-identity warning", "3:15 prefer-bigint-over-int warning",
                "4:16 prefer-bigint-over-int warning", "7:15 prefer-timestamptz warning",
            ],
            byFile["0004_reviews"]);
        Assert.Equal(
            [
                "2:7 prefer-bigint-over-int warning", "2:7 prefer-identity warning", "3:9 prefer-text-field info", "8:1 require-lock-timeout warning",
                "8:45 prefer-bigint-over-int warning", "9:1 combine-alter-table info", "9:1 require-statement-timeout warning",
                "9:22 adding-foreign-key-constraint error",
            ],
            byFile["0005_coupons"]);
        Assert.Equal(["3:1 backfill-in-migration warning"], byFile["0006_backfill_order_totals"]);
        Assert.Equal((7, 22, 0), (result.Summary.Files, result.Summary.Statements, result.Summary.NotAnalysed));
    }

    [Fact]
    public void The_type_change_knows_the_type_from_the_first_migration()
    {
        var result = MigrationLinter.Lint(MigrationSources.Read(Path.Combine(Root, "examples", "shop"), new MigrationSourceOptions { DisplayRoot = Root }), new LintOptions());

        var change = Assert.Single(result.Findings, f => f.Rule == "changing-column-type");
        Assert.Equal(
            "changing orders.total_cents from integer to bigint rewrites orders and rebuilds its indexes while an ACCESS EXCLUSIVE lock blocks "
            + "reads and writes (integer → bigint converts every value)",
            change.Message);
        Assert.Equal("ALTER TABLE \"orders\" ALTER COLUMN \"total_cents\" SET DATA TYPE bigint", change.Sql);
        Assert.Equal(Severity.Error, change.Severity);
    }
}
