namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// Sequences with their options, last value (null when never called or not readable) and the column that owns
/// them (serial: 'a') or that they generate (identity: 'i').
/// </summary>
internal static class SequencesQuery
{
    public static string Sql() =>
        $"""
        select n.nspname as schema, c.relname as name, format_type(s.seqtypid, null) as type,
               s.seqstart as start, s.seqincrement as increment, s.seqmin as minvalue, s.seqmax as maxvalue, s.seqcache as cache, s.seqcycle as cycle,
               case when has_sequence_privilege(c.oid, 'SELECT,USAGE') then pg_sequence_last_value(c.oid) end as lastvalue,
               own.deptype = 'i' as identity, own.ownerschema, own.ownertable, own.ownercolumn,
               {CatalogSql.Comment("pg_class", "c.oid")} as comment
        from pg_sequence s
        join pg_class c on c.oid = s.seqrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join lateral (
            select d.deptype::text as deptype, tn.nspname as ownerschema, tc.relname as ownertable, ta.attname as ownercolumn
            from pg_depend d
            join pg_class tc on tc.oid = d.refobjid
            join pg_namespace tn on tn.oid = tc.relnamespace
            join pg_attribute ta on ta.attrelid = d.refobjid and ta.attnum = d.refobjsubid
            where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
            limit 1
        ) own on true
        where {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_class", "c.oid")}
        order by n.nspname, c.relname
        """;
}

internal sealed class SequenceRow
{
    public string Schema { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public long Start { get; set; }

    public long Increment { get; set; }

    public long MinValue { get; set; }

    public long MaxValue { get; set; }

    public long Cache { get; set; }

    public bool Cycle { get; set; }

    public long? LastValue { get; set; }

    public bool? Identity { get; set; }

    public string? OwnerSchema { get; set; }

    public string? OwnerTable { get; set; }

    public string? OwnerColumn { get; set; }

    public string? Comment { get; set; }
}
