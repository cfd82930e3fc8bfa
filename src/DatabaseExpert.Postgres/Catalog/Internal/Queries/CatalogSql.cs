namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>SQL fragments every catalog query shares. Parameters: <c>@include</c> and <c>@exclude</c> (text[]).</summary>
internal static class CatalogSql
{
    /// <summary>True for the schemas asked for: the included ones, else every non-system schema; never an excluded one.</summary>
    public static string SchemaSelected(string namespaceAlias) =>
        $"""
        ({namespaceAlias}.nspname <> all(@exclude) and case when cardinality(@include) > 0 then {namespaceAlias}.nspname = any(@include)
            else {namespaceAlias}.nspname not in ('pg_catalog', 'information_schema') and {namespaceAlias}.nspname !~ '^pg_(toast|temp_)' end)
        """;

    /// <summary>Objects created by an extension are the extension's business, not the schema's.</summary>
    public static string NotFromExtension(string catalog, string oidExpression) =>
        $"not exists (select 1 from pg_depend x where x.classid = '{catalog}'::regclass and x.objid = {oidExpression} and x.deptype = 'e')";

    /// <summary>
    /// The comment on an object. obj_description() would do, but it is a SQL function run once per row, which made it
    /// the largest cost of the whole read on thousands of objects; a plain subquery on the unique index is far cheaper.
    /// </summary>
    public static string Comment(string catalog, string oidExpression, string subId = "0") =>
        $"(select ds.description from pg_description ds where ds.objoid = {oidExpression} and ds.classoid = '{catalog}'::regclass and ds.objsubid = {subId})";

    /// <summary>A collation as DDL writes it: quoted, and schema-qualified unless it lives in pg_catalog.</summary>
    public static string CollationName(string oidExpression) =>
        $"""
        (select case when cn.nspname = 'pg_catalog' then quote_ident(co.collname) else quote_ident(cn.nspname) || '.' || quote_ident(co.collname) end
         from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = {oidExpression})
        """;
}
