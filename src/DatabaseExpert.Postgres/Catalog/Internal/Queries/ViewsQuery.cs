namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>Views and materialized views with their definitions and the relations their rewrite rules depend on.</summary>
internal static class ViewsQuery
{
    public static string Sql() =>
        $"""
        select c.oid::bigint as oid, n.nspname as schema, c.relname as name, c.relkind = 'm' as materialized,
               pg_get_viewdef(c.oid) as definition, c.reloptions as options, c.relispopulated as populated, ts.spcname as tablespace,
               deps.dependencyschemas, deps.dependencynames, {CatalogSql.Comment("pg_class", "c.oid")} as comment
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_tablespace ts on ts.oid = c.reltablespace
        left join lateral (
            select array_agg(dn.nspname order by dn.nspname, dc.relname) as dependencyschemas, array_agg(dc.relname order by dn.nspname, dc.relname) as dependencynames
            from (select distinct d.refobjid
                  from pg_rewrite r join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                  where r.ev_class = c.oid and d.refclassid = 'pg_class'::regclass and d.refobjid <> c.oid) x
            join pg_class dc on dc.oid = x.refobjid
            join pg_namespace dn on dn.oid = dc.relnamespace
        ) deps on true
        where c.relkind in ('v', 'm') and {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_class", "c.oid")}
        order by n.nspname, c.relname
        """;
}

internal sealed class ViewRow
{
    public long Oid { get; set; }

    public string Schema { get; set; } = "";

    public string Name { get; set; } = "";

    public bool Materialized { get; set; }

    public string Definition { get; set; } = "";

    public string[]? Options { get; set; }

    public bool Populated { get; set; }

    public string? Tablespace { get; set; }

    public string[]? DependencySchemas { get; set; }

    public string[]? DependencyNames { get; set; }

    public string? Comment { get; set; }
}
