using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Tables (not partitions: they inherit the parent's key) without a primary key. Rows cannot be addressed reliably,
/// ORMs such as Drizzle need a key for updates, and logical replication cannot replicate UPDATE/DELETE without a
/// replica identity — when such a table is already in a publication, those statements fail outright (critical).
/// </summary>
internal sealed class MissingPrimaryKeysCheck : IHealthCheck
{
    public const string Id = "tables-without-primary-key";

    private static readonly string Sql = $"""
        select n.nspname || '.' || c.relname as object,
               format('%I.%I', n.nspname, c.relname) as qualified,
               quote_ident(c.relname || '_id') as alternative_id,
               c.reltuples::float8 as row_estimate,
               pg_total_relation_size(c.oid) as bytes,
               c.relreplident::text as replica_identity,
               exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'id' and not a.attisdropped) as has_id_column,
               (select quote_ident(ic.relname)
                from pg_index i join pg_class ic on ic.oid = i.indexrelid
                where i.indrelid = c.oid and i.indisunique and i.indisvalid and i.indpred is null and i.indexprs is null
                  and i.indnkeyatts = i.indnatts
                  and not exists (select 1 from unnest(i.indkey::int2[]) k(attnum)
                                  join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum where not a.attnotnull)
                order by i.indnkeyatts, ic.relname
                limit 1) as unique_index,
               (select string_agg(distinct p.pubname, ', ')
                from pg_publication p
                join pg_publication_tables pt on pt.pubname = p.pubname
                where pt.schemaname = n.nspname and pt.tablename = c.relname and (p.pubupdate or p.pubdelete)) as publications
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition
          and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')
          and {CatalogSql.UserRelation("c", "n")}
        order by c.reltuples desc, 1
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Tables without a primary key",
        "Tables with no primary key: rows cannot be addressed reliably, ORMs and logical replication need one.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(Sql, r => new
        {
            Object = r.Get<string>("object"),
            Qualified = r.Get<string>("qualified"),
            AlternativeId = r.Get<string>("alternative_id"),
            Rows = r.Get<double>("row_estimate"),
            Bytes = r.Get<long>("bytes"),
            ReplicaIdentity = r.Get<string>("replica_identity"),
            HasIdColumn = r.Get<bool>("has_id_column"),
            UniqueIndex = r.Text("unique_index"),
            Publications = r.Text("publications"),
        }, cancellationToken);

        var findings = rows.Select(row =>
        {
            // 'd' (default) means "the primary key", which does not exist; 'n' means nothing.
            var noReplicaIdentity = row.ReplicaIdentity is "d" or "n";
            var broken = row.Publications is not null && noReplicaIdentity;
            var size = row.Rows >= 0 ? $"≈ {Format.Count(row.Rows)} rows, {Format.Bytes(row.Bytes)}" : $"never analyzed, {Format.Bytes(row.Bytes)}";
            var replication = broken
                ? $" It is published ({row.Publications}) without a replica identity, so UPDATE and DELETE on it fail."
                : noReplicaIdentity ? " Logical replication could not replicate its UPDATEs and DELETEs (no replica identity)." : string.Empty;
            return new HealthFinding(row.Object, broken ? FindingSeverity.Critical : FindingSeverity.Warning,
                $"has no primary key ({size}): rows cannot be addressed reliably, duplicates go unnoticed, and ORMs such as Drizzle "
                + $"need a key to update or delete one row.{replication}",
                Fix(row.Qualified, row.UniqueIndex, row.HasIdColumn ? row.AlternativeId : "id"),
                new Dictionary<string, object?>
                {
                    ["rowEstimate"] = row.Rows >= 0 ? (long)row.Rows : null,
                    ["bytes"] = row.Bytes,
                    ["replicaIdentity"] = row.ReplicaIdentity switch { "d" => "default", "n" => "nothing", "f" => "full", _ => "index" },
                    ["publications"] = row.Publications,
                    ["uniqueIndex"] = row.UniqueIndex,
                });
        }).ToList();

        return new CheckOutcome(
            findings.Count == 0 ? "every table has a primary key" : $"{findings.Count} table(s) without a primary key",
            findings);
    }

    private static string Fix(string qualified, string? uniqueIndex, string column)
    {
        if (uniqueIndex is not null)
        {
            return $"-- a unique index on NOT NULL columns exists: promote it (brief lock, no rewrite)\n"
                + $"ALTER TABLE {qualified} ADD PRIMARY KEY USING INDEX {uniqueIndex};";
        }

        return "-- adds a surrogate key; this rewrites the table under an ACCESS EXCLUSIVE lock, so schedule it on a large table\n"
            + $"ALTER TABLE {qualified} ADD COLUMN {column} bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;";
    }
}
