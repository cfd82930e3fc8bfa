using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>Column definitions and table constraints, shared by CREATE TABLE and ALTER TABLE … ADD.</summary>
internal static class DefinitionParser
{
    private static readonly string[] ConstraintStarts = ["constraint", "check", "unique", "primary", "exclude", "foreign"];

    /// <summary>True when a table constraint (not a column) starts at the cursor.</summary>
    public static bool AtTableConstraint(TokenCursor cursor) => ConstraintStarts.Any(k => cursor.IsKeyword(k))
        && !(cursor.IsKeyword("check") && !cursor.IsPunctuation('(', 1))
        && !(cursor.IsKeyword("primary") && !cursor.IsKeyword("key", 1))
        && !(cursor.IsKeyword("foreign") && !cursor.IsKeyword("key", 1))
        && !(cursor.IsKeyword("unique") && !(cursor.IsPunctuation('(', 1) || cursor.IsKeyword("nulls", 1) || cursor.IsKeyword("using", 1)))
        && !(cursor.IsKeyword("exclude") && !(cursor.IsPunctuation('(', 1) || cursor.IsKeyword("using", 1)))
        && !(cursor.IsKeyword("constraint") && cursor.Peek(1) is not { IsName: true });

    /// <summary>Reads a column definition; stops before a ',' or ')' at depth 0.</summary>
    public static ColumnDefinition ReadColumn(TokenCursor cursor)
    {
        var startIndex = cursor.Index;
        var column = ReadColumnParts(cursor);
        return column with { Text = TokenCursor.TextOf(TableParser.Slice(cursor, startIndex, cursor.Index)) };
    }

    private static ColumnDefinition ReadColumnParts(TokenCursor cursor)
    {
        var name = cursor.ReadName();
        var type = TypeParser.Read(cursor);
        var column = new ColumnDefinition(name.Value, name.Token.Start, type);
        while (!cursor.AtEnd && !cursor.IsPunctuation(',') && !cursor.IsPunctuation(')'))
        {
            if (cursor.Accept("constraint"))
            {
                cursor.ReadName();
            }
            else if (cursor.AcceptSequence("not", "null"))
            {
                column = column with { NotNull = true };
            }
            else if (cursor.Accept("null"))
            {
                column = column with { NotNull = false };
            }
            else if (cursor.Accept("default"))
            {
                column = column with { Default = ReadDefault(cursor) };
            }
            else if (cursor.AcceptSequence("primary", "key"))
            {
                SkipIndexParameters(cursor);
                column = column with { PrimaryKey = true, NotNull = true };
            }
            else if (cursor.Accept("unique"))
            {
                SkipNullsDistinct(cursor);
                SkipIndexParameters(cursor);
                column = column with { Unique = true };
            }
            else if (cursor.Accept("references"))
            {
                var (table, _) = cursor.ReadObjectName();
                if (cursor.IsPunctuation('('))
                {
                    cursor.ReadParenthesized();
                }

                SkipReferentialActions(cursor);
                column = column with { References = table };
            }
            else if (cursor.IsKeyword("check") && cursor.IsPunctuation('(', 1))
            {
                cursor.Index++;
                var start = cursor.Position;
                column = column with { Check = TokenCursor.Expression(cursor.ReadParenthesized(), start) };
                cursor.AcceptSequence("no", "inherit");
            }
            else if (cursor.Accept("generated"))
            {
                column = ReadGenerated(cursor, column);
            }
            else if (cursor.Accept("collate") || cursor.Accept("compression") || cursor.Accept("storage"))
            {
                cursor.ReadObjectName();
            }
            else
            {
                // DEFERRABLE, INITIALLY …, or syntax this reader does not model: it changes nothing the rules look at.
                cursor.Index++;
            }
        }

        return column;
    }

    /// <summary>Reads a table constraint; stops before a ',' or ')' at depth 0 (or at the end).</summary>
    public static TableConstraint ReadConstraint(TokenCursor cursor)
    {
        var startIndex = cursor.Index;
        var position = cursor.Position;
        string? name = null;
        if (cursor.Accept("constraint"))
        {
            name = cursor.ReadName().Value;
        }

        TableConstraint constraint;
        if (cursor.Accept("check"))
        {
            var at = cursor.Position;
            constraint = new TableConstraint(ConstraintKind.Check, name, position, string.Empty)
            {
                Expression = TokenCursor.Expression(cursor.ReadParenthesized(), at),
            };
        }
        else if (cursor.Accept("unique"))
        {
            var nullsNotDistinct = SkipNullsDistinct(cursor);
            constraint = ReadKeyConstraint(cursor, ConstraintKind.Unique, name, position) with { NullsNotDistinct = nullsNotDistinct };
        }
        else if (cursor.AcceptSequence("primary", "key"))
        {
            constraint = ReadKeyConstraint(cursor, ConstraintKind.PrimaryKey, name, position);
        }
        else if (cursor.Accept("exclude"))
        {
            if (cursor.Accept("using"))
            {
                cursor.ReadName();
            }

            cursor.ReadParenthesized();
            SkipIndexParameters(cursor);
            if (cursor.Accept("where"))
            {
                cursor.ReadParenthesized();
            }

            constraint = new TableConstraint(ConstraintKind.Exclude, name, position, string.Empty);
        }
        else if (cursor.AcceptSequence("foreign", "key"))
        {
            var columns = Names(cursor.ReadParenthesized());
            cursor.Expect("references");
            var (table, _) = cursor.ReadObjectName();
            var referenced = cursor.IsPunctuation('(') ? Names(cursor.ReadParenthesized()) : [];
            SkipReferentialActions(cursor);
            constraint = new TableConstraint(ConstraintKind.ForeignKey, name, position, string.Empty)
            {
                Columns = columns,
                ReferencedTable = table,
                ReferencedColumns = referenced,
            };
        }
        else
        {
            throw cursor.Error("expected CHECK, UNIQUE, PRIMARY KEY, EXCLUDE or FOREIGN KEY here");
        }

        var notValid = false;
        while (!cursor.AtEnd && !cursor.IsPunctuation(',') && !cursor.IsPunctuation(')'))
        {
            if (cursor.AcceptSequence("not", "valid"))
            {
                notValid = true;
            }
            else
            {
                // DEFERRABLE, INITIALLY …, NO INHERIT, NOT ENFORCED.
                cursor.Index++;
            }
        }

        var tokens = new List<SqlToken>();
        for (var i = startIndex; i < cursor.Index; i++)
        {
            tokens.Add(cursor.TokenAt(i));
        }

        return constraint with { NotValid = notValid, Text = TokenCursor.TextOf(tokens) };
    }

    /// <summary>The names of a column list, e.g. <c>("order_id", line_no)</c>; expressions keep their text.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<SqlToken> inside)
    {
        var names = new List<string>();
        var part = new List<SqlToken>();
        void Flush()
        {
            if (part.Count > 0)
            {
                names.Add(part.Count == 1 && part[0].IsName ? part[0].Value ?? part[0].Text : TokenCursor.TextOf(part));
                part.Clear();
            }
        }

        var depth = 0;
        foreach (var token in inside)
        {
            if (token.IsPunctuation('('))
            {
                depth++;
            }
            else if (token.IsPunctuation(')'))
            {
                depth--;
            }

            if (depth == 0 && token.IsPunctuation(','))
            {
                Flush();
            }
            else
            {
                part.Add(token);
            }
        }

        Flush();
        return names;
    }

    private static TableConstraint ReadKeyConstraint(TokenCursor cursor, ConstraintKind kind, string? name, SqlPosition position)
    {
        if (cursor.AcceptSequence("using", "index") && !cursor.IsKeyword("tablespace"))
        {
            return new TableConstraint(kind, name, position, string.Empty) { UsingIndex = cursor.ReadName().Value };
        }

        var columns = Names(cursor.ReadParenthesized());
        SkipIndexParameters(cursor);
        return new TableConstraint(kind, name, position, string.Empty) { Columns = columns };
    }

    private static SqlExpression ReadDefault(TokenCursor cursor)
    {
        var start = cursor.Index;
        var position = cursor.Position;
        var tokens = cursor.ReadUntil(c => c.Index > start && AtColumnConstraint(c) || c.IsPunctuation(','));
        if (tokens.Count == 0)
        {
            throw cursor.Error("DEFAULT needs an expression");
        }

        return TokenCursor.Expression(tokens, position);
    }

    private static bool AtColumnConstraint(TokenCursor cursor) =>
        cursor.IsSequence("not", "null") || cursor.IsSequence("not", "deferrable") || cursor.IsKeyword("null") && !cursor.IsKeyword("is", -1)
        || cursor.IsKeyword("constraint") || cursor.IsSequence("primary", "key") || cursor.IsKeyword("unique") || cursor.IsKeyword("references")
        || cursor.IsKeyword("check") && cursor.IsPunctuation('(', 1) || cursor.IsKeyword("generated") || cursor.IsKeyword("deferrable")
        || cursor.IsKeyword("initially") || cursor.IsKeyword("compression") || cursor.IsKeyword("storage");

    private static ColumnDefinition ReadGenerated(TokenCursor cursor, ColumnDefinition column)
    {
        if (!cursor.Accept("always"))
        {
            cursor.AcceptSequence("by", "default");
        }

        cursor.Expect("as");
        if (cursor.Accept("identity"))
        {
            if (cursor.IsPunctuation('('))
            {
                cursor.ReadParenthesized();
            }

            return column with { Generation = ColumnGeneration.Identity, NotNull = true };
        }

        var at = cursor.Position;
        var expression = TokenCursor.Expression(cursor.ReadParenthesized(), at);
        cursor.Accept("stored");
        cursor.Accept("virtual");
        return column with { Generation = ColumnGeneration.Stored, GenerationExpression = expression };
    }

    private static bool SkipNullsDistinct(TokenCursor cursor)
    {
        if (cursor.AcceptSequence("nulls", "not", "distinct"))
        {
            return true;
        }

        cursor.AcceptSequence("nulls", "distinct");
        return false;
    }

    /// <summary>INCLUDE (…), WITH (…), USING INDEX TABLESPACE name.</summary>
    private static void SkipIndexParameters(TokenCursor cursor)
    {
        while (true)
        {
            if ((cursor.IsKeyword("include") || cursor.IsKeyword("with")) && cursor.IsPunctuation('(', 1))
            {
                cursor.Index++;
                cursor.ReadParenthesized();
            }
            else if (cursor.AcceptSequence("using", "index", "tablespace"))
            {
                cursor.ReadName();
            }
            else
            {
                return;
            }
        }
    }

    private static void SkipReferentialActions(TokenCursor cursor)
    {
        while (true)
        {
            if (cursor.Accept("match"))
            {
                cursor.Index++;
            }
            else if (cursor.IsKeyword("on") && (cursor.IsKeyword("delete", 1) || cursor.IsKeyword("update", 1)))
            {
                cursor.Index += 2;
                if (cursor.AcceptSequence("no", "action") || cursor.Accept("restrict") || cursor.Accept("cascade"))
                {
                    continue;
                }

                if (cursor.Accept("set"))
                {
                    cursor.Index++;
                    if (cursor.IsPunctuation('('))
                    {
                        cursor.ReadParenthesized();
                    }
                }
            }
            else
            {
                return;
            }
        }
    }
}
