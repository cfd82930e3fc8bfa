namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY and EXCLUDE constraints of tables. A foreign key that references a
/// partitioned table also gets one hidden copy per referenced partition on the same table: those are left out.
/// </summary>
internal static class ConstraintsQuery
{
    public static string Sql(ServerFeatures features) =>
        $"""
        select con.conrelid::bigint as tableoid, con.conname as name, con.contype::text as type,
               pg_get_constraintdef(con.oid) as definition,
               con.condeferrable as deferrable, con.condeferred as initiallydeferred, con.convalidated as validated,
               con.connoinherit as noinherit, (not con.conislocal or con.conparentid <> 0) as inherited,
               (select array_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
               rn.nspname as referencedschema, rc.relname as referencedtable,
               (select array_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as referencedcolumns,
               con.confupdtype::text as onupdate, con.confdeltype::text as ondelete, con.confmatchtype::text as matchtype,
               case when con.contype = 'c' then pg_get_expr(con.conbin, con.conrelid) end as expression,
               ic.relname as indexname, coalesce({features.NullsNotDistinct("ix")}, false) as nullsnotdistinct,
               {CatalogSql.Comment("pg_constraint", "con.oid")} as comment
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_class rc on rc.oid = con.confrelid
        left join pg_namespace rn on rn.oid = rc.relnamespace
        left join pg_index ix on ix.indexrelid = con.conindid and con.contype in ('p', 'u', 'x')
        left join pg_class ic on ic.oid = ix.indexrelid
        where con.contype in ('p', 'u', 'c', 'f', 'x') and c.relkind in ('r', 'p', 'f')
          and not (con.conparentid <> 0 and exists (select 1 from pg_constraint pc where pc.oid = con.conparentid and pc.conrelid = con.conrelid))
          and {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_class", "c.oid")}
        order by con.conrelid, con.conname
        """;
}

internal sealed class ConstraintRow
{
    public long TableOid { get; set; }

    public string Name { get; set; } = "";

    /// <summary>p, u, c, f, x.</summary>
    public string Type { get; set; } = "";

    public string Definition { get; set; } = "";

    public bool Deferrable { get; set; }

    public bool InitiallyDeferred { get; set; }

    public bool Validated { get; set; }

    public bool NoInherit { get; set; }

    public bool Inherited { get; set; }

    public string[]? Columns { get; set; }

    public string? ReferencedSchema { get; set; }

    public string? ReferencedTable { get; set; }

    public string[]? ReferencedColumns { get; set; }

    public string OnUpdate { get; set; } = "";

    public string OnDelete { get; set; } = "";

    public string MatchType { get; set; } = "";

    public string? Expression { get; set; }

    public string? IndexName { get; set; }

    public bool NullsNotDistinct { get; set; }

    public string? Comment { get; set; }
}
