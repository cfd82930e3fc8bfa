namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>Every user-visible schema, flagged when selected (the others name the choices in an error message).</summary>
internal static class SchemasQuery
{
    public static string Sql() =>
        $"""
        select n.nspname as name, {CatalogSql.Comment("pg_namespace", "n.oid")} as comment, {CatalogSql.SchemaSelected("n")} as selected
        from pg_namespace n
        where n.nspname !~ '^pg_(toast|temp_)' and {CatalogSql.NotFromExtension("pg_namespace", "n.oid")}
        order by n.nspname
        """;
}

internal sealed class SchemaRow
{
    public string Name { get; set; } = "";

    public string? Comment { get; set; }

    public bool Selected { get; set; }
}
