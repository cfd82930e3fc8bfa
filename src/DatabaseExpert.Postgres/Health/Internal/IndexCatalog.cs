using System.Text.RegularExpressions;

namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>A valid index of a user table, with everything that decides whether two indexes do the same job.</summary>
internal sealed record IndexEntry(
    long Oid,
    long TableOid,
    string Object,
    string Qualified,
    string Table,
    string QualifiedTable,
    string Method,
    bool IsUnique,
    bool IsPrimary,
    string? Constraint,
    string? ConstraintQuoted,
    bool ReferencedByForeignKey,
    int KeyCount,
    short[] Columns,
    long[] OperatorClasses,
    long[] Collations,
    short[] Options,
    string? Expressions,
    string? Predicate,
    string Definition,
    long Bytes,
    long? Scans)
{
    /// <summary>The part after <c>USING method</c>: "(customer_id, created_at DESC) WHERE …".</summary>
    public string KeyText => IndexCatalog.KeyText(Definition);
}

/// <summary>Reads the valid indexes of user tables in one query.</summary>
internal static partial class IndexCatalog
{
    private static readonly string Sql = $"""
        select i.indexrelid::int8 as oid, i.indrelid::int8 as table_oid,
               n.nspname || '.' || c.relname as object, format('%I.%I', n.nspname, c.relname) as qualified,
               n.nspname || '.' || t.relname as table_name, format('%I.%I', n.nspname, t.relname) as qualified_table,
               am.amname as method, i.indisunique as is_unique, i.indisprimary as is_primary,
               con.conname as constraint_name, quote_ident(con.conname) as constraint_quoted,
               exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid) as referenced_by_fk,
               i.indnkeyatts::int as key_count,
               array(select unnest(i.indkey::int2[])) as columns,
               array(select unnest(i.indclass::oid[])::int8) as opclasses,
               array(select unnest(i.indcollation::oid[])::int8) as collations,
               array(select unnest(i.indoption::int2[])) as options,
               pg_get_expr(i.indexprs, i.indrelid) as expressions,
               pg_get_expr(i.indpred, i.indrelid) as predicate,
               pg_get_indexdef(i.indexrelid) as definition,
               pg_relation_size(i.indexrelid) as bytes,
               s.idx_scan as scans
        {CatalogSql.IndexJoins}
        join pg_am am on am.oid = c.relam
        left join pg_stat_all_indexes s on s.indexrelid = i.indexrelid
        left join lateral (
            select k.conname from pg_constraint k
            where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x')
            limit 1) con on true
        where i.indisvalid and {CatalogSql.UserRelation("t", "n")}
        order by n.nspname, t.relname, c.relname
        """;

    public static Task<IReadOnlyList<IndexEntry>> LoadAsync(HealthContext context, CancellationToken cancellationToken) =>
        context.QueryAsync(Sql, r => new IndexEntry(
            r.Get<long>("oid"),
            r.Get<long>("table_oid"),
            r.Get<string>("object"),
            r.Get<string>("qualified"),
            r.Get<string>("table_name"),
            r.Get<string>("qualified_table"),
            r.Get<string>("method"),
            r.Get<bool>("is_unique"),
            r.Get<bool>("is_primary"),
            r.Text("constraint_name"),
            r.Text("constraint_quoted"),
            r.Get<bool>("referenced_by_fk"),
            r.Get<int>("key_count"),
            r.Get<short[]>("columns"),
            r.Get<long[]>("opclasses"),
            r.Get<long[]>("collations"),
            r.Get<short[]>("options"),
            r.Text("expressions"),
            r.Text("predicate"),
            r.Get<string>("definition"),
            r.Get<long>("bytes"),
            r.Maybe<long>("scans")), cancellationToken);

    public static string KeyText(string definition) =>
        UsingClause().Match(definition) is { Success: true } match ? match.Groups["rest"].Value : definition;

    /// <summary>The SQL that removes an index: DROP INDEX CONCURRENTLY, or DROP CONSTRAINT when a constraint owns it.</summary>
    public static string DropSql(IndexEntry index) => index.Constraint is null
        ? $"DROP INDEX CONCURRENTLY {index.Qualified};"
        : $"ALTER TABLE {index.QualifiedTable} DROP CONSTRAINT {index.ConstraintQuoted};";

    /// <summary>A <c>pg_get_indexdef</c> turned into the CREATE INDEX CONCURRENTLY that rebuilds it without blocking writes.</summary>
    public static string CreateConcurrently(string definition) => CreateIndex().Replace(definition, "CREATE $1INDEX CONCURRENTLY ", 1) + ";";

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX ", RegexOptions.CultureInvariant)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@" USING \w+ (?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UsingClause();
}
