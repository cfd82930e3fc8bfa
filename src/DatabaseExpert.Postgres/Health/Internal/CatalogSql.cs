namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>SQL fragments the checks share, so "a user's relation" means the same everywhere.</summary>
internal static class CatalogSql
{
    /// <summary>
    /// A relation <paramref name="rel"/> in namespace <paramref name="ns"/> that belongs to the user: not in a system or
    /// temporary schema, and not a member of an extension (the extension's author owns its design).
    /// </summary>
    public static string UserRelation(string rel, string ns) => $"""
        {ns}.nspname not in ('pg_catalog', 'information_schema')
        and {ns}.nspname !~ '^pg_toast' and {ns}.nspname !~ '^pg_temp_'
        and not exists (select 1 from pg_depend ext
                        where ext.classid = 'pg_class'::regclass and ext.objid = {rel}.oid and ext.deptype = 'e')
        """;

    /// <summary>Indexes with their relation (<c>i</c> pg_index, <c>c</c> the index, <c>t</c> its table, <c>n</c> the table's schema).</summary>
    public const string IndexJoins = """
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        """;

    /// <summary>
    /// Foreign keys and the valid, non-partial indexes of the referencing table whose leading key columns are exactly
    /// the FK's columns (in any order): those indexes serve the lookups an FK needs when the parent row changes.
    /// Columns: fk_oid, conrelid, conkey, index_oid (null when nothing covers the FK).
    /// </summary>
    public const string ForeignKeyCovers = """
        fk as (
            select k.oid as fk_oid, k.conrelid, k.conkey, cardinality(k.conkey) as width,
                   (select array_agg(x order by x) from unnest(k.conkey) x) as sorted_key
            from pg_constraint k
            where k.contype = 'f'
        ),
        fk_cover as (
            select fk.fk_oid, fk.conrelid, fk.conkey, i.indexrelid as index_oid
            from fk
            left join pg_index i
              on i.indrelid = fk.conrelid and i.indisvalid and i.indpred is null and i.indnkeyatts >= fk.width
             and (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:fk.width - 1]) x) = fk.sorted_key
        )
        """;
}
