using System.Text;

namespace DatabaseExpert.Postgres.Advisor.Internal.Statistics;

/// <summary>Reads the text form of a one-dimensional PostgreSQL array (<c>{a,"b c",NULL}</c>), as <c>anyarray::text</c> gives it.</summary>
internal static class PgArrayText
{
    public static IReadOnlyList<string?> Parse(string text)
    {
        var items = new List<string?>();
        var body = text.Trim();
        if (body.Length < 2 || body[0] != '{' || body[^1] != '}')
        {
            return items;
        }

        var i = 1;
        while (i < body.Length - 1)
        {
            var item = new StringBuilder();
            var quoted = body[i] == '"';
            if (quoted)
            {
                i++;
                while (i < body.Length - 1 && body[i] != '"')
                {
                    if (body[i] == '\\')
                    {
                        i++;
                    }

                    item.Append(body[i]);
                    i++;
                }

                i++;
            }
            else
            {
                while (i < body.Length - 1 && body[i] != ',')
                {
                    item.Append(body[i]);
                    i++;
                }
            }

            var value = item.ToString();
            items.Add(!quoted && value.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : value);
            i++;
        }

        return items;
    }
}
