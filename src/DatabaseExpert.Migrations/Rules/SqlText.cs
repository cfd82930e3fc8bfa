using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Analysis;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>Helpers for the SQL that rules put in safe rewrites.</summary>
public static partial class SqlText
{
    // Reserved words of PostgreSQL that cannot be column or table names unquoted.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate",
        "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
        "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
        "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
        "returning", "select", "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique",
        "user", "using", "variadic", "when", "where", "window", "with", "authorization", "binary", "collation", "concurrently",
        "cross", "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural",
        "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose",
    };

    /// <summary>The identifier as SQL: bare when PostgreSQL would read it back the same, double-quoted otherwise.</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return PlainName().IsMatch(name) && !Reserved.Contains(name) ? name : $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    public static string Quote(ObjectName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Schema is null or "public" ? Quote(name.Name) : $"{Quote(name.Schema)}.{Quote(name.Name)}";
    }

    /// <summary>A constraint or index name built from parts, cut to PostgreSQL's 63-byte limit.</summary>
    public static string NameFrom(params string[] parts)
    {
        var name = string.Join('_', parts);
        while (System.Text.Encoding.UTF8.GetByteCount(name) > 63)
        {
            name = name[..^1];
        }

        return name;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_$]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
