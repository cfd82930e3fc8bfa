namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>How a filter uses a column, which decides whether (and where) a B-tree index key can serve it.</summary>
internal enum ColumnUse
{
    /// <summary><c>col = …</c>, <c>col = ANY (…)</c>, <c>col IS NULL</c>, a bare boolean column.</summary>
    Equality,

    /// <summary><c>col &lt; …</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>.</summary>
    Range,

    /// <summary>Compared in a way a plain B-tree cannot serve (<c>&lt;&gt;</c>, LIKE, containment).</summary>
    Other,

    /// <summary>Inside a function call or arithmetic: only an expression index could serve it.</summary>
    Expression,
}

/// <summary>A column reference in a deparsed plan expression, e.g. <c>o.customer_id</c>.</summary>
internal sealed record ColumnReference(string? Qualifier, string Name, ColumnUse Use);

/// <summary>
/// Finds column references in the expressions EXPLAIN prints (<c>Filter</c>, <c>Join Filter</c>, <c>Index Cond</c>):
/// skips literals, casts, function names and key words, and records how each column is compared.
/// </summary>
internal static class ExpressionColumns
{
    private static readonly HashSet<string> KeyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "UNKNOWN", "ANY", "ALL", "SOME", "ARRAY", "IN", "LIKE", "ILIKE",
        "SIMILAR", "TO", "BETWEEN", "SYMMETRIC", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "FROM", "COLLATE",
        "SUBPLAN", "INITPLAN", "HASHED", "CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME",
        "CURRENT_USER", "SESSION_USER", "USER", "ROW", "OVERLAPS", "AT", "TIME", "ZONE", "ESCAPE", "EXISTS", "DEFAULT",
    };

    // Key words whose parenthesised operand is a value list, like a function's arguments: ANY (…), ARRAY(…), EXISTS (…).
    private static readonly HashSet<string> CallLikeKeyWords = new(StringComparer.OrdinalIgnoreCase) { "ANY", "ALL", "SOME", "ARRAY", "EXISTS" };

    private static readonly HashSet<string> TypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "with", "without", "time", "zone", "varying", "precision",
    };

    private static readonly HashSet<string> Arithmetic = new(StringComparer.Ordinal) { "+", "-", "*", "/", "%", "^", "||" };

    public static IReadOnlyList<ColumnReference> Extract(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return [];
        }

        var tokens = Tokenize(expression);
        var references = new List<ColumnReference>();
        var calls = new Stack<bool>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Open:
                    calls.Push(i > 0 && tokens[i - 1].Kind == TokenKind.Function);
                    break;
                case TokenKind.Close when calls.Count > 0:
                    calls.Pop();
                    break;
                case TokenKind.Name:
                    var insideCall = calls.Contains(true);
                    references.Add(new ColumnReference(token.Qualifier, token.Text, insideCall ? ColumnUse.Expression : UseOf(tokens, i)));
                    break;
            }
        }

        return references;
    }

    private static ColumnUse UseOf(List<Token> tokens, int index)
    {
        var previous = index > 0 ? tokens[index - 1] : default;
        var next = index + 1 < tokens.Count ? tokens[index + 1] : default;
        if ((previous.Kind == TokenKind.Operator && Arithmetic.Contains(previous.Text))
            || (next.Kind == TokenKind.Operator && Arithmetic.Contains(next.Text)))
        {
            return ColumnUse.Expression;
        }

        if (next.Kind == TokenKind.KeyWord && next.Text.Equals("IS", StringComparison.OrdinalIgnoreCase))
        {
            return ColumnUse.Equality;
        }

        var op = next.Kind == TokenKind.Operator ? next.Text : previous.Kind == TokenKind.Operator ? previous.Text : null;
        return op switch
        {
            null => ColumnUse.Equality,
            "=" => ColumnUse.Equality,
            "<" or ">" or "<=" or ">=" => ColumnUse.Range,
            _ => ColumnUse.Other,
        };
    }

    private enum TokenKind
    {
        None,
        Name,
        Function,
        KeyWord,
        Literal,
        Operator,
        Open,
        Close,
        Comma,
    }

    private readonly record struct Token(TokenKind Kind, string Text, string? Qualifier = null);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '[' or ']')
            {
                i++;
            }
            else if (c == '\'')
            {
                i = SkipQuoted(text, i, '\'');
                tokens.Add(new Token(TokenKind.Literal, "'"));
            }
            else if (c == ':' && i + 1 < text.Length && text[i + 1] == ':')
            {
                i = SkipType(text, i + 2);
            }
            else if (char.IsAsciiDigit(c) || (c == '$' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Literal, "0"));
            }
            else if (c == '"' || IsNameStart(c))
            {
                var (parts, end) = ReadDottedName(text, i);
                i = end;
                tokens.Add(Classify(parts, NextNonSpace(text, i) == '('));
            }
            else if (c == '(')
            {
                tokens.Add(new Token(TokenKind.Open, "("));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new Token(TokenKind.Close, ")"));
                i++;
            }
            else if (c == ',')
            {
                tokens.Add(new Token(TokenKind.Comma, ","));
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && "+-*/<>=~!@#%^&|`?".Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                if (i == start)
                {
                    i++;
                    continue;
                }

                tokens.Add(new Token(TokenKind.Operator, text[start..i]));
            }
        }

        return tokens;
    }

    private static Token Classify(List<(string Text, bool Quoted)> parts, bool followedByParenthesis)
    {
        var last = parts[^1];
        var keyWord = parts.Count == 1 && !last.Quoted && KeyWords.Contains(last.Text);
        if (followedByParenthesis && (!keyWord || CallLikeKeyWords.Contains(last.Text)))
        {
            return new Token(TokenKind.Function, last.Text);
        }

        if (keyWord)
        {
            return new Token(TokenKind.KeyWord, last.Text);
        }

        var qualifier = parts.Count > 1 ? parts[^2].Text : null;
        return new Token(TokenKind.Name, last.Text, qualifier);
    }

    private static (List<(string Text, bool Quoted)> Parts, int End) ReadDottedName(string text, int i)
    {
        var parts = new List<(string, bool)>();
        while (true)
        {
            if (text[i] == '"')
            {
                var end = SkipQuoted(text, i, '"');
                parts.Add((text[(i + 1)..Math.Max(i + 1, end - 1)].Replace("\"\"", "\"", StringComparison.Ordinal), true));
                i = end;
            }
            else
            {
                var start = i;
                while (i < text.Length && (IsNameStart(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '$'))
                {
                    i++;
                }

                parts.Add((text[start..i], false));
            }

            if (i + 1 < text.Length && text[i] == '.' && (text[i + 1] == '"' || IsNameStart(text[i + 1])))
            {
                i++;
                continue;
            }

            return (parts, i);
        }
    }

    private static int SkipType(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && (text[i] == '"' || IsNameStart(text[i])))
        {
            (_, i) = ReadDottedName(text, i);
        }

        // Multi-word types: timestamp with time zone, character varying, double precision.
        while (true)
        {
            var next = i;
            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }

            var end = next;
            while (end < text.Length && IsNameStart(text[end]))
            {
                end++;
            }

            if (end == next || !TypeWords.Contains(text[next..end]))
            {
                return i;
            }

            i = end;
        }
    }

    private static int SkipQuoted(string text, int i, char quote)
    {
        i++;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return i;
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length ? text[i] : '\0';
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;
}
