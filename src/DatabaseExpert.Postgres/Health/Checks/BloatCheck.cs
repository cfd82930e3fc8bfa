using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Space tables and b-tree indexes hold beyond what their live rows need: dead rows not yet vacuumed, and free space
/// left by past updates and deletes that only a rewrite gives back. Estimated from planner statistics (cheap, no table
/// reads); when the pgstattuple extension is installed, relations the estimate flags are measured with it instead.
/// </summary>
internal sealed class BloatCheck : IHealthCheck
{
    public const string Id = "bloat";

    private const int DefaultBtreeFillFactor = 90;

    private static readonly string TablesSql = $"""
        select c.oid::int8 as oid, n.nspname || '.' || c.relname as object, format('%I.%I', n.nspname, c.relname) as qualified,
               null::text as table_name, c.reltuples::float8 as row_estimate, pg_relation_size(c.oid) as bytes,
               coalesce((select o.option_value::int from pg_options_to_table(c.reloptions) o where o.option_name = 'fillfactor'), 100) as fill_factor
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'm') and pg_relation_size(c.oid) >= @min_bytes and {CatalogSql.UserRelation("c", "n")}
        """;

    private static readonly string TableColumnsSql = """
        select a.attrelid::int8 as oid, t.typlen::int as length, t.typalign::text as align,
               s.avg_width::int as width, coalesce(s.null_frac, 0)::float8 as null_fraction
        from pg_attribute a
        join pg_type t on t.oid = a.atttypid
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_stats s on s.schemaname = n.nspname and s.tablename = c.relname and s.attname = a.attname and not s.inherited
        where a.attrelid = any(@oids) and a.attnum > 0 and not a.attisdropped
        order by a.attrelid, a.attnum
        """;

    private static readonly string IndexesSql = $"""
        select i.indexrelid::int8 as oid, n.nspname || '.' || ic.relname as object, format('%I.%I', n.nspname, ic.relname) as qualified,
               n.nspname || '.' || t.relname as table_name, ic.reltuples::float8 as row_estimate, pg_relation_size(i.indexrelid) as bytes,
               coalesce((select o.option_value::int from pg_options_to_table(ic.reloptions) o where o.option_name = 'fillfactor'), {DefaultBtreeFillFactor}) as fill_factor
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        join pg_am am on am.oid = ic.relam
        where am.amname = 'btree' and i.indisvalid and pg_relation_size(i.indexrelid) >= @min_bytes
          and {CatalogSql.UserRelation("t", "n")}
        """;

    // Key columns take their statistics from the table; expression columns from the index's own pg_stats rows.
    private const string IndexColumnsSql = """
        select i.indexrelid::int8 as oid, ty.typlen::int as length, ty.typalign::text as align,
               coalesce(ts.avg_width, xs.avg_width)::int as width, coalesce(ts.null_frac, xs.null_frac, 0)::float8 as null_fraction
        from pg_index i
        join pg_attribute ia on ia.attrelid = i.indexrelid and ia.attnum > 0
        join pg_type ty on ty.oid = ia.atttypid
        join pg_class ic on ic.oid = i.indexrelid
        join pg_class tc on tc.oid = i.indrelid
        join pg_namespace n on n.oid = tc.relnamespace
        left join pg_attribute ta on ta.attrelid = i.indrelid and ta.attnum = (i.indkey::int2[])[ia.attnum - 1]
        left join pg_stats ts on ts.schemaname = n.nspname and ts.tablename = tc.relname and ts.attname = ta.attname and not ts.inherited
        left join pg_stats xs on ta.attnum is null and xs.schemaname = n.nspname and xs.tablename = ic.relname and xs.attname = ia.attname
        where i.indexrelid = any(@oids)
        order by i.indexrelid, ia.attnum
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Table and index bloat",
        "Space tables and b-tree indexes hold beyond what their live rows need (statistics-based estimate; pgstattuple when installed).");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var thresholds = context.Thresholds;
        var minimum = Math.Min(thresholds.BloatWarningBytes, thresholds.BloatCriticalBytes);
        var blockSize = context.Server.BlockSize;

        var tables = await LoadAsync(context, TablesSql, TableColumnsSql, minimum, cancellationToken);
        var indexes = await LoadAsync(context, IndexesSql, IndexColumnsSql, minimum, cancellationToken);
        var estimates = new List<Estimate>();
        var unestimated = 0;
        foreach (var (relation, isIndex) in tables.Select(t => (t, false)).Concat(indexes.Select(i => (i, true))))
        {
            if (ExpectedPages(relation, isIndex, blockSize) is not { } expected)
            {
                unestimated++;
                continue;
            }

            var wasted = Math.Max(0, relation.Bytes - expected * blockSize);
            estimates.Add(new Estimate(relation, isIndex, wasted, "estimate"));
        }

        var flagged = estimates.Where(e => Judge(e, thresholds) is not null).ToList();
        var measured = await PgStatTuple.MeasureAsync(context, flagged, cancellationToken);
        var findings = new List<HealthFinding>();
        foreach (var estimate in measured)
        {
            if (Judge(estimate, thresholds) is { } severity)
            {
                findings.Add(Finding(estimate, severity));
            }
        }

        var method = measured.Any(m => m.Method == "pgstattuple") ? "measured with pgstattuple" : "estimated from statistics";
        var skipped = unestimated > 0 ? $"; {unestimated} relation(s) without statistics not estimated (run ANALYZE)" : string.Empty;
        return new CheckOutcome(
            findings.Count == 0
                ? $"no table or b-tree index ≥ {Format.Bytes(minimum)} wastes ≥ {Format.Percent(thresholds.BloatWarningPercent)}; {estimates.Count} estimated{skipped}"
                : $"{findings.Count} bloated relation(s), {Format.Bytes(findings.Sum(f => (long)f.Details["wastedBytes"]!))} reclaimable, {method}{skipped}",
            [.. findings.OrderByDescending(f => f.Severity).ThenByDescending(f => (long)f.Details["wastedBytes"]!)]);
    }

    /// <summary>Null when the relation was never analyzed or vacuumed (reltuples -1) or a column has no statistics.</summary>
    private static long? ExpectedPages(Relation relation, bool isIndex, int blockSize) =>
        relation.Rows < 0 ? null
        : isIndex ? BloatEstimator.BtreePages(relation.Rows, relation.Columns, relation.FillFactor, blockSize)
        : BloatEstimator.HeapPages(relation.Rows, relation.Columns, relation.FillFactor, blockSize);

    private static FindingSeverity? Judge(Estimate estimate, HealthThresholds thresholds) =>
        estimate.Percent >= thresholds.BloatCriticalPercent && estimate.Wasted >= thresholds.BloatCriticalBytes ? FindingSeverity.Critical
        : estimate.Percent >= thresholds.BloatWarningPercent && estimate.Wasted >= thresholds.BloatWarningBytes ? FindingSeverity.Warning
        : null;

    private static HealthFinding Finding(Estimate estimate, FindingSeverity severity)
    {
        var relation = estimate.Relation;
        var what = estimate.IsIndex ? $"b-tree index on {relation.Table}" : "table";
        var fix = estimate.IsIndex
            ? $"REINDEX INDEX CONCURRENTLY {relation.Qualified};  -- rebuilds it compactly without blocking writes"
            : $"VACUUM (ANALYZE, VERBOSE) {relation.Qualified};  -- makes dead space reusable by new rows, no long lock\n"
              + $"-- to give the space back to the operating system without blocking writes: pg_repack --table={relation.Qualified}\n"
              + "-- (VACUUM FULL also does it, but holds an ACCESS EXCLUSIVE lock for the whole rewrite)";
        return new HealthFinding(
            relation.Object,
            severity,
            $"{what} of {Format.Bytes(relation.Bytes)} of which ≈ {Format.Bytes(estimate.Wasted)} ({Format.Percent(estimate.Percent)}) is dead "
            + $"or free space ({(estimate.Method == "pgstattuple" ? "measured with pgstattuple" : $"estimated from ≈ {Format.Count(relation.Rows)} rows and column statistics")}); "
            + "scans read it all and the cache holds less useful data.",
            fix,
            new Dictionary<string, object?>
            {
                ["kind"] = estimate.IsIndex ? "index" : "table",
                ["table"] = relation.Table,
                ["bytes"] = relation.Bytes,
                ["wastedBytes"] = estimate.Wasted,
                ["wastedPercent"] = Format.Round(estimate.Percent),
                ["method"] = estimate.Method,
            });
    }

    private static async Task<IReadOnlyList<Relation>> LoadAsync(
        HealthContext context, string relationsSql, string columnsSql, long minimumBytes, CancellationToken cancellationToken)
    {
        var relations = await context.QueryAsync(relationsSql, r => new Relation(
            r.Get<long>("oid"),
            r.Get<string>("object"),
            r.Get<string>("qualified"),
            r.Text("table_name"),
            r.Get<double>("row_estimate"),
            r.Get<long>("bytes"),
            r.Get<int>("fill_factor"),
            []), cancellationToken, ("min_bytes", minimumBytes));
        if (relations.Count == 0)
        {
            return relations;
        }

        var columns = (await context.QueryAsync(columnsSql, r => (Oid: r.Get<long>("oid"), Column: new BloatEstimator.Column(
                r.Get<int>("length"),
                r.Get<string>("align")[0],
                r.Maybe<int>("width"),
                r.Get<double>("null_fraction"))), cancellationToken, ("oids", relations.Select(r => r.Oid).ToArray())))
            .ToLookup(c => c.Oid, c => c.Column);
        return [.. relations.Select(r => r with { Columns = [.. columns[r.Oid]] })];
    }

    /// <summary>A table (Table null) or index with what the estimate needs.</summary>
    internal sealed record Relation(
        long Oid, string Object, string Qualified, string? Table, double Rows, long Bytes, int FillFactor, IReadOnlyList<BloatEstimator.Column> Columns);

    internal sealed record Estimate(Relation Relation, bool IsIndex, long Wasted, string Method)
    {
        public double Percent => Relation.Bytes == 0 ? 0 : 100.0 * Wasted / Relation.Bytes;
    }

    /// <summary>Replaces estimates by measurements when pgstattuple is installed and the role may use it.</summary>
    private static class PgStatTuple
    {
        public static async Task<IReadOnlyList<Estimate>> MeasureAsync(
            HealthContext context, List<Estimate> estimates, CancellationToken cancellationToken)
        {
            if (estimates.Count == 0)
            {
                return estimates;
            }

            var schema = await context.ScalarAsync<string>(
                "select quote_ident(n.nspname) from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pgstattuple'",
                cancellationToken);
            if (schema is null)
            {
                return estimates;
            }

            var results = new List<Estimate>();
            foreach (var estimate in estimates)
            {
                var relation = estimate.Relation;
                var sql = estimate.IsIndex
                    ? $"select (leaf_pages * current_setting('block_size')::int8 * greatest(0, 1 - avg_leaf_density / @fill_factor))::int8 as wasted from {schema}.pgstatindex(@oid::oid::regclass)"
                    : $"select greatest(0, approx_free_space + dead_tuple_len - table_len * (100 - @fill_factor) / 100)::int8 as wasted from {schema}.pgstattuple_approx(@oid::oid::regclass)";
                var (rows, _) = await context.TryQueryAsync(sql, r => r.Get<long>("wasted"), cancellationToken,
                    ("oid", relation.Oid), ("fill_factor", (double)relation.FillFactor));
                if (rows is null)
                {
                    // No privilege (pg_stat_scan_tables) or an odd relation: keep the estimates from here on.
                    results.AddRange(estimates.Skip(results.Count));
                    break;
                }

                results.Add(estimate with { Wasted = rows[0], Method = "pgstattuple" });
            }

            return results;
        }
    }
}
