namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// Names for the oids in index definitions: operator classes that are not their type's default ('o') and the
/// collations indexes use ('c'), quoted and qualified as DDL writes them. A few hundred rows whatever the schema size.
/// </summary>
internal static class LookupsQuery
{
    public static string Sql() =>
        """
        select 'o' as kind, o.oid::bigint as oid,
               case when o.opcnamespace = 'pg_catalog'::regnamespace then quote_ident(o.opcname)
                    else o.opcnamespace::regnamespace::text || '.' || quote_ident(o.opcname) end as name
        from pg_opclass o where not o.opcdefault
        union all
        select 'c', co.oid::bigint,
               case when co.collnamespace = 'pg_catalog'::regnamespace then quote_ident(co.collname)
                    else co.collnamespace::regnamespace::text || '.' || quote_ident(co.collname) end
        from pg_collation co where co.oid in (select unnest(indcollation::oid[]) from pg_index)
        """;
}

internal sealed class LookupRow
{
    /// <summary>o operator class, c collation.</summary>
    public string Kind { get; set; } = "";

    public long Oid { get; set; }

    public string Name { get; set; } = "";
}
