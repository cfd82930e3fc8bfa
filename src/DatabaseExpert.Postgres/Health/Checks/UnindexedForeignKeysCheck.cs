using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Foreign keys whose columns are not the leading columns of any valid, non-partial index on the referencing table.
/// Every DELETE (or key UPDATE) on the referenced table must then scan the referencing table, holding locks meanwhile,
/// and joins along the key cannot use an index.
/// </summary>
internal sealed class UnindexedForeignKeysCheck : IHealthCheck
{
    public const string Id = "unindexed-foreign-keys";

    private static readonly string Sql = $"""
        with {CatalogSql.ForeignKeyCovers}
        select n.nspname || '.' || t.relname || '.' || k.conname as object,
               k.conname as constraint_name,
               n.nspname || '.' || t.relname as table_name,
               rn.nspname || '.' || r.relname as referenced_table,
               pg_get_constraintdef(k.oid) as definition,
               t.relkind = 'p' as partitioned,
               t.reltuples::float8 as row_estimate,
               coalesce(rs.n_tup_del, 0) + coalesce(rs.n_tup_upd, 0) as parent_changes,
               cols.names as columns,
               format('CREATE INDEX%s %I ON %I.%I (%s);',
                      case when t.relkind = 'p' then '' else ' CONCURRENTLY' end,
                      left(t.relname || '_' || cols.underscored || '_idx', 63), n.nspname, t.relname, cols.quoted) as create_index
        from fk_cover fc
        join pg_constraint k on k.oid = fc.fk_oid
        join pg_class t on t.oid = k.conrelid
        join pg_namespace n on n.oid = t.relnamespace
        join pg_class r on r.oid = k.confrelid
        join pg_namespace rn on rn.oid = r.relnamespace
        left join pg_stat_all_tables rs on rs.relid = k.confrelid
        cross join lateral (
            select string_agg(a.attname, ', ' order by u.ord) as names,
                   string_agg(quote_ident(a.attname), ', ' order by u.ord) as quoted,
                   string_agg(a.attname, '_' order by u.ord) as underscored
            from unnest(k.conkey) with ordinality u(attnum, ord)
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum) cols
        where fc.index_oid is null and k.conparentid = 0 and {CatalogSql.UserRelation("t", "n")}
        order by t.reltuples desc, 1
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Foreign keys without an index",
        "Foreign keys whose columns do not lead any valid index of the referencing table: parent deletes scan the child table.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(Sql, r => new
        {
            Object = r.Get<string>("object"),
            Constraint = r.Get<string>("constraint_name"),
            Table = r.Get<string>("table_name"),
            ReferencedTable = r.Get<string>("referenced_table"),
            Definition = r.Get<string>("definition"),
            Partitioned = r.Get<bool>("partitioned"),
            Rows = r.Get<double>("row_estimate"),
            ParentChanges = r.Get<long>("parent_changes"),
            Columns = r.Get<string>("columns"),
            CreateIndex = r.Get<string>("create_index"),
        }, cancellationToken);

        var findings = rows.Select(row =>
        {
            var size = row.Rows >= 0 ? $" (≈ {Format.Count(row.Rows)} rows)" : string.Empty;
            var churn = row.ParentChanges > 0
                ? $"; {row.ReferencedTable} had {Format.Count(row.ParentChanges)} rows deleted or updated since statistics began"
                : string.Empty;
            var fix = row.Partitioned
                ? "-- partitioned table: CONCURRENTLY is not supported here; to avoid a long lock, create the index ON ONLY the parent,\n"
                  + "-- build each partition's index CONCURRENTLY and ALTER INDEX … ATTACH PARTITION it\n" + row.CreateIndex
                : row.CreateIndex;
            return new HealthFinding(row.Object, FindingSeverity.Warning,
                $"foreign key {row.Constraint} ({row.Columns}) → {row.ReferencedTable} has no index on {row.Table} starting with its columns: "
                + $"every DELETE or key UPDATE on {row.ReferencedTable} scans {row.Table}{size} to look for references, and joins on "
                + $"{row.Columns} cannot use an index{churn}.",
                fix,
                new Dictionary<string, object?>
                {
                    ["table"] = row.Table,
                    ["constraint"] = row.Constraint,
                    ["columns"] = row.Columns,
                    ["referencedTable"] = row.ReferencedTable,
                    ["definition"] = row.Definition,
                    ["rowEstimate"] = row.Rows >= 0 ? (long)row.Rows : null,
                    ["referencedRowsChanged"] = row.ParentChanges,
                });
        }).ToList();

        return new CheckOutcome(
            findings.Count == 0 ? "every foreign key is covered by an index" : $"{findings.Count} foreign key(s) without a covering index",
            findings);
    }
}
