namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>Installed extensions: database-wide, so not filtered by schema.</summary>
internal static class ExtensionsQuery
{
    public static string Sql() =>
        """
        select e.extname as name, e.extversion as version, n.nspname as schema
        from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        order by e.extname
        """;
}

internal sealed class ExtensionRow
{
    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    public string Schema { get; set; } = "";
}
