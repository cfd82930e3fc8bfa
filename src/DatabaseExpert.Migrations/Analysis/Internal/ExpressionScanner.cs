using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>Finds function calls in expression tokens, skipping syntax that looks like a call but is not one.</summary>
internal static class ExpressionScanner
{
    // Words followed by '(' that are grammar, not functions (their arguments are still scanned).
    private static readonly HashSet<string> SyntaxWords = new(StringComparer.Ordinal)
    {
        "cast", "coalesce", "nullif", "greatest", "least", "array", "row", "extract", "position", "substring", "trim", "overlay",
        "exists", "in", "any", "all", "some", "and", "or", "not", "values", "case", "when", "then", "else", "is", "like", "ilike",
        "similar", "between", "collate", "at", "filter", "over", "within", "xmlelement", "xmlforest", "xmlparse", "xmlpi",
        "xmlroot", "xmlserialize", "xmlconcat", "xmlexists", "treat", "normalize", "json", "json_object", "json_array",
        "json_scalar", "json_serialize", "json_value", "json_query", "json_exists", "interval",
    };

    public static IReadOnlyList<FunctionCall> Calls(IReadOnlyList<SqlToken> tokens)
    {
        List<FunctionCall>? calls = null;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var token = tokens[i];
            if (!token.IsName || !tokens[i + 1].IsPunctuation('('))
            {
                continue;
            }

            var name = token.Value ?? token.Text;
            var previous = i > 0 ? tokens[i - 1] : default;
            var isQualified = i > 1 && previous.IsPunctuation('.') && tokens[i - 2].IsName;
            if (!isQualified && token.Kind == SqlTokenKind.Identifier && SyntaxWords.Contains(name))
            {
                continue;
            }

            // A type with modifiers after '::' or AS (CAST(x AS varchar(10))) is not a call.
            if (!isQualified && i > 0 && (previous.Kind == SqlTokenKind.Operator && previous.Span.SequenceEqual("::") || previous.IsKeyword("as")))
            {
                continue;
            }

            var schema = isQualified ? tokens[i - 2].Value ?? tokens[i - 2].Text : null;
            (calls ??= []).Add(new FunctionCall(schema, name, isQualified ? tokens[i - 2].Start : token.Start));
        }

        return calls ?? (IReadOnlyList<FunctionCall>)[];
    }
}
