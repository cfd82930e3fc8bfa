using System.Text;
using System.Text.Json.Nodes;

namespace DatabaseExpert.Postgres.Safety.Internal;

/// <summary>
/// Parses PostgreSQL's text form of arrays (<c>{1,NULL,"a b"}</c>, nested <c>{{1,2},{3,4}}</c>, with an optional
/// <c>[0:2]=</c> bounds prefix) into nested JSON arrays. Elements are converted by the caller.
/// </summary>
internal static class PgArrayText
{
    /// <summary>The array, or null when the text is not in array form (the caller then keeps the text).</summary>
    public static JsonArray? Parse(string text, char delimiter, Func<string, JsonNode?> element)
    {
        var i = 0;
        if (text.StartsWith('['))
        {
            i = text.IndexOf('=', StringComparison.Ordinal) + 1;
        }

        if (i <= 0 && text.StartsWith('[') || i >= text.Length || text[i] != '{')
        {
            return null;
        }

        var result = Array(text, ref i, delimiter, element);
        return result is not null && i == text.Length ? result : null;
    }

    private static JsonArray? Array(string text, ref int i, char delimiter, Func<string, JsonNode?> element)
    {
        i++;
        var array = new JsonArray();
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] == '}')
        {
            i++;
            return array;
        }

        while (i < text.Length)
        {
            SkipSpaces(text, ref i);
            if (i >= text.Length)
            {
                return null;
            }

            if (text[i] == '{')
            {
                if (Array(text, ref i, delimiter, element) is not { } inner)
                {
                    return null;
                }

                array.Add(inner);
            }
            else
            {
                var quoted = text[i] == '"';
                if (Element(text, ref i, delimiter) is not { } value)
                {
                    return null;
                }

                array.Add(!quoted && value.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : element(value));
            }

            SkipSpaces(text, ref i);
            if (i >= text.Length)
            {
                return null;
            }

            if (text[i] == delimiter)
            {
                i++;
            }
            else if (text[i] == '}')
            {
                i++;
                return array;
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>One element, quoted or not; backslash escapes the next character in both forms.</summary>
    private static string? Element(string text, ref int i, char delimiter)
    {
        var quoted = text[i] == '"';
        if (quoted)
        {
            i++;
        }

        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (quoted && c == '"')
            {
                i++;
                return value.ToString();
            }

            if (!quoted && (c == delimiter || c == '}'))
            {
                return value.ToString().TrimEnd();
            }

            value.Append(c);
            i++;
        }

        return null;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
