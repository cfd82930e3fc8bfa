using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>A forward cursor over the significant tokens (no whitespace or comments) of one statement.</summary>
internal sealed class TokenCursor
{
    private readonly SqlToken[] _tokens;
    private readonly SqlStatement _statement;

    public TokenCursor(SqlStatement statement)
    {
        _statement = statement;
        _tokens = [.. statement.SignificantTokens];
    }

    public int Index { get; set; }

    public bool AtEnd => Index >= _tokens.Length;

    public int Count => _tokens.Length;

    public SqlToken Current => Peek(0) ?? throw Error("the statement ends too early");

    /// <summary>Where the next token starts (the statement's end when there is none).</summary>
    public SqlPosition Position => AtEnd ? _statement.End : _tokens[Index].Start;

    public SqlToken? Peek(int ahead)
    {
        var at = Index + ahead;
        return at >= 0 && at < _tokens.Length ? _tokens[at] : null;
    }

    public SqlToken TokenAt(int index) => _tokens[index];

    public bool IsKeyword(string keyword, int ahead = 0) => Peek(ahead) is { } token && token.IsKeyword(keyword);

    public bool IsPunctuation(char c, int ahead = 0) => Peek(ahead) is { } token && token.IsPunctuation(c);

    public bool IsOperator(string op, int ahead = 0) =>
        Peek(ahead) is { Kind: SqlTokenKind.Operator } token && token.Span.SequenceEqual(op);

    /// <summary>True when the next tokens are these keywords, in order.</summary>
    public bool IsSequence(params ReadOnlySpan<string> keywords)
    {
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!IsKeyword(keywords[i], i))
            {
                return false;
            }
        }

        return true;
    }

    public bool Accept(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            return false;
        }

        Index++;
        return true;
    }

    /// <summary>Consumes the keywords when they all come next, in order; otherwise consumes nothing.</summary>
    public bool AcceptSequence(params ReadOnlySpan<string> keywords)
    {
        if (!IsSequence(keywords))
        {
            return false;
        }

        Index += keywords.Length;
        return true;
    }

    public bool AcceptPunctuation(char c)
    {
        if (!IsPunctuation(c))
        {
            return false;
        }

        Index++;
        return true;
    }

    public void Expect(string keyword)
    {
        if (!Accept(keyword))
        {
            throw Error($"expected {keyword.ToUpperInvariant()} here");
        }
    }

    public void ExpectPunctuation(char c)
    {
        if (!AcceptPunctuation(c))
        {
            throw Error($"expected '{c}' here");
        }
    }

    public SqlToken Next()
    {
        var token = Current;
        Index++;
        return token;
    }

    /// <summary>A name token (quoted or not; an unquoted keyword used as a name is fine), as the server reads it.</summary>
    public NameToken ReadName()
    {
        var token = Current;
        if (!token.IsName)
        {
            throw Error($"expected a name here, found '{token.Text}'");
        }

        Index++;
        return new NameToken(token.Value ?? token.Text, token);
    }

    /// <summary><c>name</c>, <c>schema.name</c> or <c>database.schema.name</c> (the database part is dropped).</summary>
    public (ObjectName Name, SqlToken Token) ReadObjectName()
    {
        var first = ReadName();
        var parts = new List<string> { first.Value };
        while (IsPunctuation('.') && Peek(1) is { IsName: true })
        {
            Index++;
            parts.Add(ReadName().Value);
        }

        var name = parts.Count == 1 ? new ObjectName(null, parts[0]) : new ObjectName(parts[^2], parts[^1]);
        return (name, first.Token);
    }

    /// <summary>Skips a parenthesised group starting at the current '(' and returns the tokens inside it.</summary>
    public ArraySegment<SqlToken> ReadParenthesized()
    {
        ExpectPunctuation('(');
        var start = Index;
        var depth = 1;
        while (!AtEnd)
        {
            var token = _tokens[Index];
            if (token.IsPunctuation('('))
            {
                depth++;
            }
            else if (token.IsPunctuation(')') && --depth == 0)
            {
                Index++;
                return new ArraySegment<SqlToken>(_tokens, start, Index - 1 - start);
            }

            Index++;
        }

        throw Error("a parenthesis is not closed");
    }

    /// <summary>
    /// Reads tokens up to (not including) the first one at parenthesis depth 0 for which <paramref name="stop"/> is true,
    /// or to the end. Brackets count as parentheses.
    /// </summary>
    public ArraySegment<SqlToken> ReadUntil(Func<TokenCursor, bool> stop)
    {
        var start = Index;
        var depth = 0;
        while (!AtEnd)
        {
            var token = _tokens[Index];
            if (depth == 0 && stop(this))
            {
                break;
            }

            if (token.IsPunctuation('(') || token.IsPunctuation('['))
            {
                depth++;
            }
            else if (token.IsPunctuation(')') || token.IsPunctuation(']'))
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }

            Index++;
        }

        return new ArraySegment<SqlToken>(_tokens, start, Index - start);
    }

    /// <summary>The source text from the first to the last of these tokens, as written.</summary>
    public static string TextOf(IReadOnlyList<SqlToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return string.Empty;
        }

        var first = tokens[0];
        var last = tokens[^1];
        return first.Source.Text[first.Start.Offset..last.EndOffset];
    }

    public static SqlExpression Expression(IReadOnlyList<SqlToken> tokens, SqlPosition fallback) =>
        new(TextOf(tokens), tokens, tokens.Count > 0 ? tokens[0].Start : fallback);

    public ParseException Error(string message) => new(message, Position);
}

/// <summary>A name as the server reads it, and the token it was written as.</summary>
internal readonly record struct NameToken(string Value, SqlToken Token);
