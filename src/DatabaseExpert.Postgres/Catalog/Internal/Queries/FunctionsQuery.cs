namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>
/// Functions and procedures with their full definitions, and whether they need tables to exist first (a row type
/// in the signature, or a body bound to relations as with <c>BEGIN ATOMIC</c>).
/// </summary>
internal static class FunctionsQuery
{
    public static string Sql() =>
        $"""
        select n.nspname as schema, p.proname as name, pg_get_function_identity_arguments(p.oid) as arguments,
               pg_get_function_result(p.oid) as result, l.lanname as language, p.prokind::text as kind,
               case when p.prokind <> 'a' then pg_get_functiondef(p.oid) end as definition,
               exists (select 1 from pg_depend d
                       left join pg_type dt on d.refclassid = 'pg_type'::regclass and dt.oid = d.refobjid
                       left join pg_class dr on dr.oid = dt.typrelid
                       where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'n'
                         and (d.refclassid = 'pg_class'::regclass or dr.relkind in ('r', 'p', 'f', 'v', 'm'))) as dependsontables,
               {CatalogSql.Comment("pg_proc", "p.oid")} as comment
        from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        join pg_language l on l.oid = p.prolang
        where {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_proc", "p.oid")}
        order by n.nspname, p.proname, 3
        """;
}

internal sealed class FunctionRow
{
    public string Schema { get; set; } = "";

    public string Name { get; set; } = "";

    public string Arguments { get; set; } = "";

    public string? Result { get; set; }

    public string Language { get; set; } = "";

    /// <summary>f function, p procedure, a aggregate, w window.</summary>
    public string Kind { get; set; } = "";

    public string? Definition { get; set; }

    public bool DependsOnTables { get; set; }

    public string? Comment { get; set; }
}
