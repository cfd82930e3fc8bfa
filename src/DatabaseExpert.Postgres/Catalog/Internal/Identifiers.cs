using System.Collections.Frozen;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>
/// Quotes identifiers the way <c>quote_ident</c> does: only when needed, so the DDL stays readable, and by the same rules,
/// so a name written here matches the same name in pg_get_*def and format_type output.
/// </summary>
internal static class Identifiers
{
    /// <summary>
    /// Keywords that are not "unreserved" (pg_get_keywords() catcode R, T or C) in PostgreSQL 15, plus those added by
    /// 16–18. Quoting one that a server does not reserve is harmless; missing one is not.
    /// </summary>
    private static readonly FrozenSet<string> Keywords = FrozenSet.Create(
        StringComparer.Ordinal,
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint", "binary", "bit",
        "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
        "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
        "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
        "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping",
        "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join",
        "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none",
        "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
        "overlay", "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
        "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then", "time",
        "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic",
        "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
        "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
        "system_user", "json", "json_array", "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
        "json_serialize", "json_table", "json_value", "merge_action");

    public static string Quote(string identifier)
    {
        var plain = identifier.Length > 0
            && (char.IsAsciiLetterLower(identifier[0]) || identifier[0] == '_')
            && identifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !Keywords.Contains(identifier);
        return plain ? identifier : $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    public static string Quote(ObjectName name) => $"{Quote(name.Schema)}.{Quote(name.Name)}";

    public static string Quote(string schema, string name) => $"{Quote(schema)}.{Quote(name)}";

    /// <summary>A SQL string literal (standard_conforming_strings on).</summary>
    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
