using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules.Internal;

namespace DatabaseExpert.Migrations.Rules;

/// <summary>
/// json keeps the text as written and re-parses it on every access; it has no equality operator (SELECT DISTINCT,
/// GROUP BY and UNION fail) and cannot be indexed with GIN. jsonb has none of these limits.
/// </summary>
public sealed class PreferJsonb : IMigrationRule
{
    public RuleInfo Info { get; } = new("prefer-jsonb", Severity.Warning, "json: prefer jsonb");

    public void Check(RuleContext context)
    {
        foreach (var column in DeclaredColumns.Of(context.Statement))
        {
            if (!column.Type.Is(TypeNames.Json))
            {
                continue;
            }

            context.Report(column.Position,
                $"{column.Where} is json: it is re-parsed on every access, has no equality operator (DISTINCT, GROUP BY and UNION fail) "
                + "and cannot use a GIN index",
                "Use jsonb, unless you must keep the exact text, key order and duplicate keys. Drizzle: jsonb().",
                column.WithType("jsonb" + string.Concat(Enumerable.Repeat("[]", column.Type.ArrayDimensions))));
        }
    }
}
