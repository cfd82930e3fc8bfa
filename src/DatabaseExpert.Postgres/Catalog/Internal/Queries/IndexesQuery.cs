namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// Indexes of tables and materialized views: the full definition for replay, and per column the expression,
/// non-default operator class and collation (of plain columns; an expression's is not reported), sort order and null
/// order; INCLUDE columns come after the key columns.
/// </summary>
internal static class IndexesQuery
{
    public static string Sql(ServerFeatures features) =>
        $"""
        select i.indrelid::bigint as relationoid, ic.relname as name, am.amname as method, pg_get_indexdef(i.indexrelid) as definition,
               i.indisunique as isunique, i.indisprimary as isprimary, i.indisvalid as isvalid, i.indisready as isready,
               {features.NullsNotDistinct("i")} as nullsnotdistinct, i.indnkeyatts as keycount,
               k.columnnames, k.elements, k.opclasses, k.collations, k.descending, k.nullsfirst,
               pg_get_expr(i.indpred, i.indrelid) as predicate, con.conname as constraintname,
               pn.nspname as parentschema, pic.relname as parentname, ts.spcname as tablespace,
               pg_relation_size(i.indexrelid) as sizebytes, pg_stat_get_numscans(i.indexrelid) as scans,
               {features.LastScan("i.indexrelid")} as lastscan,
               obj_description(i.indexrelid, 'pg_class') as comment
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_am am on am.oid = ic.relam
        left join pg_tablespace ts on ts.oid = ic.reltablespace
        left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u', 'x')
        left join pg_inherits ih on ih.inhrelid = i.indexrelid
        left join pg_class pic on pic.oid = ih.inhparent
        left join pg_namespace pn on pn.oid = pic.relnamespace
        cross join lateral (
            select array_agg(a.attname order by p) as columnnames,
                   array_agg(pg_get_indexdef(i.indexrelid, p + 1, false) order by p) as elements,
                   array_agg(case when p < i.indnkeyatts and not opc.opcdefault then
                       case when opn.nspname = 'pg_catalog' then quote_ident(opc.opcname) else quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname) end
                       end order by p) as opclasses,
                   array_agg(case when p < i.indnkeyatts and a.attnum is not null and i.indcollation[p] not in (0, a.attcollation)
                       then {CatalogSql.CollationName("i.indcollation[p]")} end order by p) as collations,
                   array_agg(p < i.indnkeyatts and (i.indoption[p]::int & 1) <> 0 order by p) as descending,
                   array_agg(p < i.indnkeyatts and (i.indoption[p]::int & 2) <> 0 order by p) as nullsfirst
            from generate_series(0, i.indnatts - 1) p
            left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[p] and i.indkey[p] <> 0
            left join pg_opclass opc on opc.oid = i.indclass[p]
            left join pg_namespace opn on opn.oid = opc.opcnamespace
        ) k
        where c.relkind in ('r', 'p', 'm') and {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_class", "c.oid")}
        order by i.indrelid, ic.relname
        """;
}

internal sealed class IndexRow
{
    public long RelationOid { get; set; }

    public string Name { get; set; } = "";

    public string Method { get; set; } = "";

    public string Definition { get; set; } = "";

    public bool IsUnique { get; set; }

    public bool IsPrimary { get; set; }

    public bool IsValid { get; set; }

    public bool IsReady { get; set; }

    public bool NullsNotDistinct { get; set; }

    public int KeyCount { get; set; }

    /// <summary>Per index column: the table column's name, null for an expression.</summary>
    public string?[] ColumnNames { get; set; } = [];

    /// <summary>Per index column: the column or expression as pg_get_indexdef writes it.</summary>
    public string[] Elements { get; set; } = [];

    public string?[] Opclasses { get; set; } = [];

    public string?[] Collations { get; set; } = [];

    public bool[] Descending { get; set; } = [];

    public bool[] NullsFirst { get; set; } = [];

    public string? Predicate { get; set; }

    public string? ConstraintName { get; set; }

    public string? ParentSchema { get; set; }

    public string? ParentName { get; set; }

    public string? Tablespace { get; set; }

    public long SizeBytes { get; set; }

    public long Scans { get; set; }

    public DateTime? LastScan { get; set; }

    public string? Comment { get; set; }
}
