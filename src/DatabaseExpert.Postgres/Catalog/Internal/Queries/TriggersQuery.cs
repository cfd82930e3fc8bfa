namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>User triggers on tables and views (internal ones, such as those enforcing foreign keys, left out).</summary>
internal static class TriggersQuery
{
    public static string Sql(ServerFeatures features) =>
        $"""
        select t.tgrelid::bigint as relationoid, t.tgname as name, pg_get_triggerdef(t.oid) as definition, t.tgenabled::text as enabled,
               {features.TriggerInherited("t")} as inherited, pn.nspname as functionschema, p.proname as functionname,
               {CatalogSql.Comment("pg_trigger", "t.oid")} as comment
        from pg_trigger t
        join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_proc p on p.oid = t.tgfoid
        join pg_namespace pn on pn.oid = p.pronamespace
        where not t.tgisinternal and c.relkind in ('r', 'p', 'f', 'v', 'm')
          and {CatalogSql.SchemaSelected("n")} and {CatalogSql.NotFromExtension("pg_class", "c.oid")}
        order by t.tgrelid, t.tgname
        """;
}

internal sealed class TriggerRow
{
    public long RelationOid { get; set; }

    public string Name { get; set; } = "";

    public string Definition { get; set; } = "";

    /// <summary>O enabled, D disabled, R replica, A always.</summary>
    public string Enabled { get; set; } = "";

    public bool Inherited { get; set; }

    public string FunctionSchema { get; set; } = "";

    public string FunctionName { get; set; } = "";

    public string? Comment { get; set; }
}
