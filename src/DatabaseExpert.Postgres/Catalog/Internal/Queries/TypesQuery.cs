namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>Enums (labels in sort order), domains (base type, default, NOT NULL, checks) and stand-alone composite types.</summary>
internal static class TypesQuery
{
    public static string Sql() =>
        $"""
        select t.oid::bigint as oid, n.nspname as schema, t.typname as name, t.typtype::text as kind,
               (select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels,
               case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as basetype,
               t.typbasetype::bigint as baseoid,
               t.typnotnull as notnull,
               pg_get_expr(t.typdefaultbin, 0) as "default",
               case when t.typtype = 'd' and t.typcollation <> bt.typcollation then {CatalogSql.CollationName("t.typcollation")} end as collation,
               dc.checknames, dc.checkdefinitions, ca.attributenames, ca.attributetypes,
               {CatalogSql.Comment("pg_type", "t.oid")} as comment
        from pg_type t
        join pg_namespace n on n.oid = t.typnamespace
        left join pg_type bt on bt.oid = t.typbasetype
        left join lateral (
            select array_agg(c.conname order by c.conname) as checknames, array_agg(pg_get_constraintdef(c.oid) order by c.conname) as checkdefinitions
            from pg_constraint c where c.contypid = t.oid and c.contype = 'c'
        ) dc on t.typtype = 'd'
        left join lateral (
            select array_agg(a.attname order by a.attnum) as attributenames, array_agg(format_type(a.atttypid, a.atttypmod) order by a.attnum) as attributetypes
            from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped
        ) ca on t.typtype = 'c'
        where (t.typtype in ('e', 'd') or (t.typtype = 'c' and exists (select 1 from pg_class r where r.oid = t.typrelid and r.relkind = 'c')))
          and {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_type", "t.oid")}
        order by n.nspname, t.typname
        """;
}

internal sealed class TypeRow
{
    public long Oid { get; set; }

    public string Schema { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>e enum, d domain, c composite.</summary>
    public string Kind { get; set; } = "";

    public string[]? Labels { get; set; }

    public string? BaseType { get; set; }

    public long BaseOid { get; set; }

    public bool NotNull { get; set; }

    public string? Default { get; set; }

    public string? Collation { get; set; }

    public string[]? CheckNames { get; set; }

    public string[]? CheckDefinitions { get; set; }

    public string[]? AttributeNames { get; set; }

    public string[]? AttributeTypes { get; set; }

    public string? Comment { get; set; }
}
