using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;

namespace DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;

/// <summary>
/// A fixed review of a shop-like change: every kind of finding (lint with SQL and a rewrite, trace with evidence, drift on
/// a schema file, review's own rule, a project-level one), text that needs escaping in every format, steps that ran,
/// were skipped and failed, and notes. Golden files are rendered from it.
/// </summary>
internal static class SampleReport
{
    public static Finding ForeignKey { get; } = new(
        "adding-foreign-key-constraint", Severity.Error, "examples/shop/drizzle/0005_coupons.sql", 9, 1,
        "Adding the foreign key orders_coupon_id_coupons_id_fk validates every row of orders while blocking writes to both tables.",
        "Add it NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.")
    {
        Sql = "ALTER TABLE \"orders\"\n  ADD CONSTRAINT \"orders_coupon_id_coupons_id_fk\"\n  FOREIGN KEY (\"coupon_id\") REFERENCES \"public\".\"coupons\"(\"id\")\n  ON DELETE no action ON UPDATE no action",
        SafeRewrite = "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_coupon_id_coupons_id_fk\"\n  FOREIGN KEY (\"coupon_id\") REFERENCES \"coupons\"(\"id\") NOT VALID;\nALTER TABLE \"orders\" VALIDATE CONSTRAINT \"orders_coupon_id_coupons_id_fk\";",
        EndLine = 12,
    };

    public static Finding LockTimeout { get; } = new(
        "lock-without-timeout", Severity.Warning, "examples/shop/drizzle/0005_coupons.sql", 9, 1,
        "ShareRowExclusiveLock on orders was taken with lock_timeout = 0: behind a long query, every write to orders queues for 100% of its wait.",
        "SET lock_timeout = '5s'; at the start of the migration, and retry on failure.")
    {
        Origin = FindingOrigin.Trace,
        Evidence = "ShareRowExclusiveLock on orders, AccessShareLock on coupons",
        Sql = "ALTER TABLE \"orders\"\n  ADD CONSTRAINT \"orders_coupon_id_coupons_id_fk\"\n  FOREIGN KEY (\"coupon_id\") REFERENCES \"public\".\"coupons\"(\"id\")\n  ON DELETE no action ON UPDATE no action",
        EndLine = 12,
    };

    public static Finding Backfill { get; } = new(
        "backfill-in-migration", Severity.Warning, "examples/shop/drizzle/0006_backfill_order_totals.sql", 3, 1,
        "One UPDATE rewrites every row of orders inside the migration's transaction: locks held until it commits, 50% of rows at a time is still too many.",
        "Backfill in batches outside the migration: UPDATE … WHERE id BETWEEN $1 AND $2, one transaction per batch.")
    {
        Sql = "-- recompute the totals\nUPDATE orders\nSET total_cents = (SELECT sum(quantity * unit_price_cents) FROM order_items oi WHERE oi.order_id = orders.id)",
        EndLine = 5,
    };

    public static Finding Drift { get; } = new(
        "drizzle-schema-drift", Severity.Error, "examples/shop/src/db/schema.ts", 27, 1,
        "The schema has changes that no migration produces: `drizzle-kit generate` would write 1 statement(s): ALTER TABLE \"orders\" ADD COLUMN \"gift_wrap\" boolean DEFAULT false NOT NULL;",
        "Generate and commit the migration (`npx drizzle-kit generate`), or revert the schema change.")
    {
        Origin = FindingOrigin.Drift,
        Sql = "ALTER TABLE \"orders\" ADD COLUMN \"gift_wrap\" boolean DEFAULT false NOT NULL;",
        Evidence = "drizzle-kit 0.31.11 generate, run on a temporary copy of examples/shop/drizzle",
    };

    public static Finding Edited { get; } = new(
        "edited-applied-migration", Severity.Info, "examples/shop/drizzle/0002_customer_phone.sql", 1, 1,
        "examples/shop/drizzle/0002_customer_phone.sql existed on origin/main; only comments or layout changed, which changes nothing on any database.",
        "Nothing to do, unless the comments were meant as a change: then write a new migration.")
    {
        Origin = FindingOrigin.Analysis,
    };

    /// <summary>Characters every format must escape: percent, colon, comma, pipe, angle brackets, backticks, a line break.</summary>
    public static Finding Tricky { get; } = new(
        "not-analysed", Severity.Info, "examples/shop/drizzle/0006_backfill_order_totals.sql", 7, 3,
        "100% sure: a DO block, a <table> | pipe, a ```fence``` and, commas:\nsecond line",
        "Read it yourself: dbx cannot see inside DO $$ … $$.")
    {
        Origin = FindingOrigin.Analysis,
        Sql = "DO $$ BEGIN\n  PERFORM 1;\nEND $$",
        EndLine = 9,
    };

    public static ReviewReport Create(string? expertSummary = null) => new("0.1.0", "examples/shop", [Tricky, Backfill, Drift, LockTimeout, ForeignKey, Edited])
    {
        Mode = ReviewMode.Diff,
        Format = MigrationFormat.Drizzle,
        BaseRef = "origin/main",
        MergeBase = "3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39",
        Files =
        [
            new ReviewedFile("examples/shop/drizzle/0002_customer_phone.sql", ReviewFileRole.Migration, FileChange.Modified) { ExistedAtBase = true },
            new ReviewedFile("examples/shop/drizzle/0005_coupons.sql", ReviewFileRole.Migration, FileChange.Added),
            new ReviewedFile("examples/shop/drizzle/0006_backfill_order_totals.sql", ReviewFileRole.Migration, FileChange.Renamed)
            {
                PreviousPath = "examples/shop/drizzle/0006_backfill.sql",
            },
            new ReviewedFile("examples/shop/queries/workload.sql", ReviewFileRole.Query, FileChange.Modified),
        ],
        HistoryCount = 5,
        Steps =
        [
            new StepReport("git", StepStatus.Ran, "9 changed files between origin/main (merge-base 3f2a9c1e) and HEAD: 3 migrations, 1 query file", TimeSpan.FromMilliseconds(41)),
            new StepReport("lint", StepStatus.Ran, "3 migrations, 14 statements", TimeSpan.FromMilliseconds(12)),
            new StepReport("drift", StepStatus.Ran, "drizzle-kit 0.31.11: schema changes without a migration", TimeSpan.FromMilliseconds(2870)),
            new StepReport("trace", StepStatus.Skipped, "no PostgreSQL server binaries: install postgresql (apt-get install postgresql) or set DBX_PG_BIN", TimeSpan.Zero),
            new StepReport("explain", StepStatus.Failed, "NpgsqlException: connection refused | 127.0.0.1:5432", TimeSpan.FromMilliseconds(3)),
        ],
        Notes =
        [
            new SourceNote(Severity.Info, "lint: 2 findings in unchanged migrations not reported (review without --base to see them)."),
            new SourceNote(Severity.Warning, "explain failed, its findings are missing from this review: NpgsqlException: connection refused"),
            new SourceNote(Severity.Info, "drizzle-kit resolves out to examples/shop/drizzle", "examples/shop/drizzle.config.ts", 4),
        ],
        ExpertSummary = expertSummary,
        Elapsed = TimeSpan.FromMilliseconds(3120),
    };
}
