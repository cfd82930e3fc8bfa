using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Indexes never scanned since statistics began, judged only where the verdict means something: the table was read
/// or written enough in that window, and the index is big enough to matter. Indexes that enforce something (primary
/// key, unique, exclusion, any constraint) are never reported; the only index covering a foreign key is reported as
/// info, because deletes on the parent need it even if they are rare.
/// </summary>
internal sealed class UnusedIndexesCheck : IHealthCheck
{
    public const string Id = "unused-indexes";

    private static readonly string Sql = $"""
        with {CatalogSql.ForeignKeyCovers},
        sole_cover as (
            select index_oid, min(fk_oid) as fk_oid
            from (select fk_oid, index_oid, count(*) over (partition by fk_oid) as covers from fk_cover where index_oid is not null) x
            where covers = 1
            group by index_oid
        )
        select n.nspname || '.' || c.relname as object,
               format('%I.%I', n.nspname, c.relname) as qualified,
               n.nspname || '.' || t.relname as table_name,
               pg_relation_size(i.indexrelid) as bytes,
               s.idx_scan as scans,
               pg_get_indexdef(i.indexrelid) as definition,
               coalesce(ts.seq_scan, 0) + coalesce(ts.idx_scan, 0) as table_scans,
               coalesce(ts.n_tup_ins, 0) + coalesce(ts.n_tup_upd, 0) + coalesce(ts.n_tup_del, 0) as table_writes,
               fkc.conname as covers_fk
        {CatalogSql.IndexJoins}
        join pg_stat_all_indexes s on s.indexrelid = i.indexrelid
        join pg_stat_all_tables ts on ts.relid = i.indrelid
        left join sole_cover sc on sc.index_oid = i.indexrelid
        left join pg_constraint fkc on fkc.oid = sc.fk_oid
        where i.indisvalid and not i.indisunique and not i.indisprimary and not i.indisexclusion
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
          and pg_relation_size(i.indexrelid) >= @min_bytes
          and (coalesce(ts.seq_scan, 0) + coalesce(ts.idx_scan, 0) >= @min_scans
               or coalesce(ts.n_tup_ins, 0) + coalesce(ts.n_tup_upd, 0) + coalesce(ts.n_tup_del, 0) >= @min_writes)
          and {CatalogSql.UserRelation("t", "n")}
        order by pg_relation_size(i.indexrelid) desc, 1
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Unused indexes",
        "Indexes never scanned since statistics began, on tables that were busy enough in that time for it to mean something.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var thresholds = context.Thresholds;
        var rows = await context.QueryAsync(Sql, r => new
        {
            Object = r.Get<string>("object"),
            Qualified = r.Get<string>("qualified"),
            Table = r.Get<string>("table_name"),
            Bytes = r.Get<long>("bytes"),
            Scans = r.Get<long>("scans"),
            Definition = r.Get<string>("definition"),
            TableScans = r.Get<long>("table_scans"),
            TableWrites = r.Get<long>("table_writes"),
            CoversForeignKey = r.Text("covers_fk"),
        }, cancellationToken,
            ("min_bytes", thresholds.UnusedIndexMinBytes),
            ("min_scans", thresholds.UnusedIndexMinTableScans),
            ("min_writes", thresholds.UnusedIndexMinTableWrites));

        var window = context.Server.StatsWindow;
        var findings = rows.Where(row => row.Scans == 0).Select(row =>
        {
            var activity = $"{row.Table} was scanned {Format.Count(row.TableScans)} times and {Format.Count(row.TableWrites)} rows were written";
            var details = new Dictionary<string, object?>
            {
                ["table"] = row.Table,
                ["definition"] = row.Definition,
                ["bytes"] = row.Bytes,
                ["tableScans"] = row.TableScans,
                ["tableWrites"] = row.TableWrites,
                ["statsSince"] = context.Server.StatsSince,
                ["statsAgeSeconds"] = (long)context.Server.StatsAge.TotalSeconds,
            };
            if (row.CoversForeignKey is not null)
            {
                details["coversForeignKey"] = row.CoversForeignKey;
                return new HealthFinding(row.Object, FindingSeverity.Info,
                    $"was never scanned while {activity} ({window}), but it is the only index covering the foreign key "
                    + $"{row.CoversForeignKey}: deleting or re-keying rows of the referenced table needs it. Keep it unless that never happens.",
                    null, details);
            }

            return new HealthFinding(row.Object, FindingSeverity.Warning,
                $"was never scanned while {activity} ({window}); it costs {Format.Bytes(row.Bytes)} and slows every write to the table.",
                "-- confirm over a full business cycle first (weekly and monthly jobs too); scans on read replicas are not counted here\n"
                + $"DROP INDEX CONCURRENTLY {row.Qualified};\n"
                + $"-- to undo: {IndexCatalog.CreateConcurrently(row.Definition)}",
                details);
        }).ToList();

        var unused = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var scope = $"of ≥ {Format.Bytes(thresholds.UnusedIndexMinBytes)} on tables with ≥ {Format.Count(thresholds.UnusedIndexMinTableScans)} scans "
            + $"or ≥ {Format.Count(thresholds.UnusedIndexMinTableWrites)} written rows";
        var summary = rows.Count == 0 ? $"nothing to judge yet: no regular index {scope}; {window}"
            : unused == 0 ? $"judged {rows.Count} index(es) {scope}: all used; {window}"
            : $"judged {rows.Count} index(es) {scope}: {unused} never scanned, "
              + $"{Format.Bytes(rows.Where(r => r.Scans == 0 && r.CoversForeignKey is null).Sum(r => r.Bytes))} in all; {window}";
        return new CheckOutcome(summary, findings);
    }
}
