namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// Indexes of tables and materialized views: the full definition for replay, and per column the raw catalog arrays
/// (attnums, operator classes, collations, sort options) that <see cref="SnapshotBuilder"/> resolves with
/// <see cref="LookupsQuery"/> and the columns. Resolving them here per index cost more than the rest of the query.
/// </summary>
internal static class IndexesQuery
{
    public static string Sql(ServerFeatures features) =>
        $"""
        select i.indrelid::bigint as relationoid, ic.relname as name, am.amname as method, pg_get_indexdef(i.indexrelid) as definition,
               i.indisunique as isunique, i.indisprimary as isprimary, i.indisvalid as isvalid, i.indisready as isready,
               {features.NullsNotDistinct("i")} as nullsnotdistinct, i.indnkeyatts::int as keycount,
               i.indkey::int2[] as keys, i.indclass::oid[]::int8[] as opclasses, i.indcollation::oid[]::int8[] as collations,
               i.indoption::int2[] as options,
               case when 0 = any (i.indkey::int2[]) then
                   (select array_agg(pg_get_indexdef(i.indexrelid, k, false) order by k) from generate_series(1, i.indnatts::int) k)
               end as elements,
               pg_get_expr(i.indpred, i.indrelid) as predicate, con.conname as constraintname,
               pn.nspname as parentschema, pic.relname as parentname, ts.spcname as tablespace,
               pg_relation_size(i.indexrelid) as sizebytes, pg_stat_get_numscans(i.indexrelid) as scans,
               {features.LastScan("i.indexrelid")} as lastscan,
               {CatalogSql.Comment("pg_class", "i.indexrelid")} as comment
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

    /// <summary>Key columns; the columns after them are INCLUDE columns.</summary>
    public int KeyCount { get; set; }

    /// <summary>Per index column: the table column's attnum, 0 for an expression.</summary>
    public short[] Keys { get; set; } = [];

    /// <summary>Per key column: the operator class oid.</summary>
    public long[] Opclasses { get; set; } = [];

    /// <summary>Per key column: the collation oid (0 when the type has none).</summary>
    public long[] Collations { get; set; } = [];

    /// <summary>Per key column: bit 1 DESC, bit 2 NULLS FIRST.</summary>
    public short[] Options { get; set; } = [];

    /// <summary>Only for indexes with an expression: each column as pg_get_indexdef writes it.</summary>
    public string[]? Elements { get; set; }

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
