namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// Columns of tables, views and materialized views in attnum order (dropped ones left out), with the type resolved
/// through arrays and domains, and the identity sequence's options.
/// </summary>
internal static class ColumnsQuery
{
    public static string Sql() =>
        $"""
        select a.attrelid::bigint as relationoid, a.attnum::int as attnum, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               et.typtype::text as typekind, et.oid <> t.oid as isarray,
               case when et.oid <> t.oid then format_type(et.oid, a.atttypmod) end as elementtype,
               case when et.typtype = 'd' then format_type(et.typbasetype, et.typtypmod) end as basetype,
               a.attnotnull as notnull,
               case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end as "default",
               case when a.attgenerated = 's' then pg_get_expr(ad.adbin, ad.adrelid) end as generated,
               a.attidentity::text as identity,
               ids.sequenceschema, ids.sequencename, ids.seqstart as identitystart, ids.seqincrement as identityincrement,
               ids.seqmin as identitymin, ids.seqmax as identitymax, ids.seqcache as identitycache, ids.seqcycle as identitycycle,
               a.attcollation::bigint as collationoid,
               case when a.attcollation <> t.typcollation then {CatalogSql.CollationName("a.attcollation")} end as collation,
               {CatalogSql.Comment("pg_class", "a.attrelid", "a.attnum")} as comment
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_type t on t.oid = a.atttypid
        join pg_type et on et.oid = case when t.typcategory = 'A' and t.typelem <> 0 and t.typlen = -1 then t.typelem else t.oid end
        left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
        left join lateral (
            select sn.nspname as sequenceschema, sc.relname as sequencename, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
            from pg_depend d
            join pg_class sc on sc.oid = d.objid
            join pg_namespace sn on sn.oid = sc.relnamespace
            join pg_sequence s on s.seqrelid = sc.oid
            where d.refclassid = 'pg_class'::regclass and d.refobjid = a.attrelid and d.refobjsubid = a.attnum
              and d.classid = 'pg_class'::regclass and d.deptype = 'i'
        ) ids on a.attidentity <> ''
        where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'f', 'v', 'm')
          and {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_class", "c.oid")}
        order by a.attrelid, a.attnum
        """;
}

internal sealed class ColumnRow
{
    public long RelationOid { get; set; }

    public int AttNum { get; set; }

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string TypeKind { get; set; } = "";

    public bool IsArray { get; set; }

    public string? ElementType { get; set; }

    public string? BaseType { get; set; }

    public bool NotNull { get; set; }

    public string? Default { get; set; }

    public string? Generated { get; set; }

    /// <summary>'' none, a ALWAYS, d BY DEFAULT.</summary>
    public string Identity { get; set; } = "";

    public string? SequenceSchema { get; set; }

    public string? SequenceName { get; set; }

    public long? IdentityStart { get; set; }

    public long? IdentityIncrement { get; set; }

    public long? IdentityMin { get; set; }

    public long? IdentityMax { get; set; }

    public long? IdentityCache { get; set; }

    public bool? IdentityCycle { get; set; }

    public long CollationOid { get; set; }

    public string? Collation { get; set; }

    public string? Comment { get; set; }
}
