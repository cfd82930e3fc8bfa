using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>Reads a type name in PostgreSQL's grammar: multi-word names, modifiers, time zones, interval fields, arrays.</summary>
internal static class TypeParser
{
    private static readonly string[] IntervalFields = ["year", "month", "day", "hour", "minute", "second", "to"];

    public static SqlType Read(TokenCursor cursor)
    {
        var startIndex = cursor.Index;
        var start = cursor.Current;
        string? schema = null;
        string name;
        List<string> modifiers = [];
        if (cursor.AcceptSequence("double", "precision"))
        {
            name = TypeNames.Double;
        }
        else if (cursor.IsKeyword("national") || cursor.IsKeyword("character") || cursor.IsKeyword("char") || cursor.IsKeyword("nchar"))
        {
            cursor.Accept("national");
            cursor.Index++;
            name = cursor.Accept("varying") ? TypeNames.Varchar : TypeNames.Char;
            modifiers = ReadModifiers(cursor);
        }
        else if (cursor.IsKeyword("bit"))
        {
            cursor.Index++;
            name = cursor.Accept("varying") ? TypeNames.VarBit : TypeNames.Bit;
            modifiers = ReadModifiers(cursor);
        }
        else if (cursor.IsKeyword("timestamp") || cursor.IsKeyword("time"))
        {
            var isTimestamp = cursor.Next().IsKeyword("timestamp");
            modifiers = ReadModifiers(cursor);
            var withZone = cursor.AcceptSequence("with", "time", "zone");
            cursor.AcceptSequence("without", "time", "zone");
            name = (isTimestamp, withZone) switch
            {
                (true, true) => TypeNames.TimestampTz,
                (true, false) => TypeNames.Timestamp,
                (false, true) => TypeNames.TimeTz,
                _ => TypeNames.Time,
            };
        }
        else if (cursor.IsKeyword("interval"))
        {
            cursor.Index++;
            while (IntervalFields.Any(f => cursor.IsKeyword(f)))
            {
                cursor.Index++;
            }

            name = TypeNames.Interval;
            modifiers = ReadModifiers(cursor);
        }
        else if (cursor.IsKeyword("float") && !cursor.IsPunctuation('.', 1))
        {
            cursor.Index++;
            modifiers = ReadModifiers(cursor);
            // float(p): 1..24 is real, 25..53 (or none) is double precision; the modifier is not kept.
            name = modifiers.Count == 1 && int.TryParse(modifiers[0], out var bits) && bits <= 24 ? TypeNames.Real : TypeNames.Double;
            modifiers = [];
        }
        else
        {
            var (objectName, _) = cursor.ReadObjectName();
            schema = objectName.Schema;
            name = objectName.Name;
            modifiers = ReadModifiers(cursor);
            if (start.Kind == SqlTokenKind.QuotedIdentifier && name is "char")
            {
                // "char" in quotes is the one-byte internal type, not character(1).
                name = "\"char\"";
            }
            else if (schema is null or "pg_catalog")
            {
                name = TypeNames.Canonicalize(name);
            }

            if (schema == "pg_catalog")
            {
                schema = null;
            }
        }

        var dimensions = 0;
        while (true)
        {
            if (cursor.IsPunctuation('['))
            {
                cursor.Index++;
                if (cursor.Peek(0) is { Kind: SqlTokenKind.Number })
                {
                    cursor.Index++;
                }

                cursor.ExpectPunctuation(']');
                dimensions++;
            }
            else if (cursor.IsKeyword("array"))
            {
                cursor.Index++;
                dimensions++;
                if (cursor.IsPunctuation('['))
                {
                    cursor.Index++;
                    if (cursor.Peek(0) is { Kind: SqlTokenKind.Number })
                    {
                        cursor.Index++;
                    }

                    cursor.ExpectPunctuation(']');
                }
            }
            else
            {
                break;
            }
        }

        var tokens = new List<SqlToken>(cursor.Index - startIndex);
        for (var i = startIndex; i < cursor.Index; i++)
        {
            tokens.Add(cursor.TokenAt(i));
        }

        var text = string.Join(' ', TokenCursor.TextOf(tokens).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new SqlType(schema, name, modifiers, dimensions, text, start.Start) { EndOffset = tokens[^1].EndOffset };
    }

    /// <summary>Parses a type from text such as format_type() returns (<c>character varying(10)[]</c>).</summary>
    public static SqlType? Parse(string text)
    {
        var script = SqlScript.Parse(text);
        if (script.Statements.Count != 1)
        {
            return null;
        }

        var cursor = new TokenCursor(script.Statements[0]);
        try
        {
            var type = Read(cursor);
            return cursor.AtEnd ? type : null;
        }
        catch (ParseException)
        {
            return null;
        }
    }

    private static List<string> ReadModifiers(TokenCursor cursor)
    {
        if (!cursor.IsPunctuation('('))
        {
            return [];
        }

        var inside = cursor.ReadParenthesized();
        List<string> values = [];
        var part = new List<SqlToken>();
        foreach (var token in inside)
        {
            if (token.IsPunctuation(','))
            {
                values.Add(TokenCursor.TextOf(part));
                part.Clear();
            }
            else
            {
                part.Add(token);
            }
        }

        values.Add(TokenCursor.TextOf(part));
        return values;
    }
}
