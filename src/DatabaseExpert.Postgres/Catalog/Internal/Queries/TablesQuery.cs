namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// Tables of every kind with partitioning, inheritance, storage and size (heap and TOAST; index sizes come with the
/// indexes). The size functions take a share lock on each relation and release it at once, so thousands of tables do
/// not exhaust the lock table.
/// </summary>
internal static class TablesQuery
{
    public static string Sql() =>
        $"""
        select c.oid::bigint as oid, n.nspname as schema, c.relname as name, c.relkind::text as kind, c.relpersistence::text as persistence,
               case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partitionbound,
               case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partitionkey,
               c.relispartition as ispartition, inh.parentschemas, inh.parentnames,
               case when c.reltuples >= 0 then c.reltuples::bigint end as rowestimate,
               pg_table_size(c.oid) as tablebytes,
               c.relrowsecurity as rowsecurity, c.relforcerowsecurity as forcerowsecurity,
               ts.spcname as tablespace, c.reloptions as options, fs.srvname as foreignserver, ft.ftoptions as foreignoptions,
               {CatalogSql.Comment("pg_class", "c.oid")} as comment
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_tablespace ts on ts.oid = c.reltablespace
        left join pg_foreign_table ft on ft.ftrelid = c.oid
        left join pg_foreign_server fs on fs.oid = ft.ftserver
        left join lateral (
            select array_agg(pn.nspname order by i.inhseqno) as parentschemas, array_agg(pc.relname order by i.inhseqno) as parentnames
            from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
            where i.inhrelid = c.oid
        ) inh on true
        where c.relkind in ('r', 'p', 'f') and {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_class", "c.oid")}
        order by n.nspname, c.relname
        """;
}

internal sealed class TableRow
{
    public long Oid { get; set; }

    public string Schema { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>r ordinary, p partitioned, f foreign.</summary>
    public string Kind { get; set; } = "";

    /// <summary>p permanent, u unlogged, t temporary.</summary>
    public string Persistence { get; set; } = "";

    public string? PartitionBound { get; set; }

    public string? PartitionKey { get; set; }

    public bool IsPartition { get; set; }

    public string[]? ParentSchemas { get; set; }

    public string[]? ParentNames { get; set; }

    public long? RowEstimate { get; set; }

    public long TableBytes { get; set; }

    public bool RowSecurity { get; set; }

    public bool ForceRowSecurity { get; set; }

    public string? Tablespace { get; set; }

    public string[]? Options { get; set; }

    public string? ForeignServer { get; set; }

    public string[]? ForeignOptions { get; set; }

    public string? Comment { get; set; }
}
