using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Plans;

/// <summary>
/// Reads the expressions EXPLAIN prints (<c>Filter</c>, <c>Index Cond</c>, <c>Hash Cond</c>, <c>Sort Key</c>, …), over
/// the tokens of the shared lexer. PostgreSQL deparses them in a regular form (every operator expression parenthesised,
/// constants as <c>'value'::type</c>), so a small recursive-descent parser suffices. Whatever it does not understand
/// becomes an <see cref="OpaqueExpression"/> that still lists the columns inside: callers never fail on an odd
/// expression (plans may be pasted by users), they only learn less from it.
/// </summary>
internal static class PlanExpressionParser
{
    // Deeper nesting than EXPLAIN ever prints is read as opaque rather than risking the stack.
    private const int MaxDepth = 256;

    // Words that end an argument scan's idea of a "bare column name" (they are syntax, not names).
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "all", "and", "any", "array", "as", "asc", "between", "both", "by", "case", "cast", "collate", "current_catalog",
        "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default",
        "desc", "distinct", "else", "end", "exists", "false", "filter", "first", "from", "in", "is", "last", "leading",
        "like", "localtime", "localtimestamp", "not", "null", "nulls", "or", "order", "over", "partition", "range", "row",
        "rows", "session_user", "some", "system_user", "then", "trailing", "true", "unknown", "user", "using", "when",
        "where", "within", "group", "hashed", "subplan", "initplan",
    };

    // SQL-standard functions written without parentheses: values fixed for the statement, like now().
    private static readonly HashSet<string> ValueFunctions = new(StringComparer.Ordinal)
    {
        "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
        "localtime", "localtimestamp", "session_user", "system_user", "user",
    };

    private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal) { "with", "without", "time", "zone", "varying", "precision" };

    public static PlanExpression Parse(string text) =>
        Significant(text) is { } tokens ? ParseTokens(tokens) : new OpaqueExpression([]);

    /// <summary>A <c>Sort Key</c> entry: the expression and its direction (<c>o.created_at DESC NULLS LAST</c>).</summary>
    public static (PlanExpression Expression, bool Descending, bool NullsFirst) ParseSortKey(string text)
    {
        if (Significant(text) is not { } tokens)
        {
            return (new OpaqueExpression([]), false, false);
        }

        var end = tokens.Count;
        bool? nullsFirst = null;
        var descending = false;
        if (end >= 2 && tokens[end - 2].IsKeyword("nulls"))
        {
            nullsFirst = tokens[end - 1].IsKeyword("first");
            end -= 2;
        }

        if (end >= 1 && (tokens[end - 1].IsKeyword("desc") || tokens[end - 1].IsKeyword("asc")))
        {
            descending = tokens[end - 1].IsKeyword("desc");
            end--;
        }

        // PostgreSQL's default: NULLS LAST for ascending, NULLS FIRST for descending.
        return (ParseTokens(tokens.Take(end).ToList()), descending, nullsFirst ?? descending);
    }

    /// <summary>The top-level AND-ed parts of a condition.</summary>
    public static IEnumerable<PlanExpression> Conjuncts(PlanExpression expression) =>
        expression is BooleanExpression { IsAnd: true } and
            ? and.Arguments.SelectMany(Conjuncts)
            : [expression];

    /// <summary>The tokens without whitespace and comments, or null when the text does not lex (an unterminated literal).</summary>
    private static List<SqlToken>? Significant(string text)
    {
        var lexed = SqlLexer.Tokenize(text);
        return lexed.Errors.Count > 0 ? null : lexed.Tokens.Where(t => !t.IsTrivia).ToList();
    }

    private static PlanExpression ParseTokens(List<SqlToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return new OpaqueExpression([]);
        }

        if (!Balanced(tokens))
        {
            return new OpaqueExpression(ScanColumns(tokens, 0, tokens.Count));
        }

        var parser = new Parser(tokens);
        try
        {
            var expression = parser.ParseExpression();
            return parser.AtEnd ? expression : new OpaqueExpression(ScanColumns(tokens, 0, tokens.Count));
        }
        catch (FormatException)
        {
            return new OpaqueExpression(ScanColumns(tokens, 0, tokens.Count));
        }
    }

    /// <summary>Every bracket closed, none closed before it opens: then <see cref="SkipBalanced"/> always finds the partner.</summary>
    private static bool Balanced(List<SqlToken> tokens)
    {
        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token.IsPunctuation('(') || token.IsPunctuation('[') ? 1 : token.IsPunctuation(')') || token.IsPunctuation(']') ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    /// <summary>The name a token stands for: folded when unquoted, unescaped when quoted.</summary>
    private static string Name(SqlToken token) => token.Value ?? token.Text;

    private static bool IsCast(SqlToken token) => token.Kind == SqlTokenKind.Operator && token.Span is "::";

    private static bool IsOperator(SqlToken token) => token.Kind == SqlTokenKind.Operator && !IsCast(token);

    /// <summary>Column references in a token range, for the parts that are not parsed: <c>alias.col</c> and bare names.</summary>
    private static List<ColumnExpression> ScanColumns(List<SqlToken> tokens, int from, int to)
    {
        var columns = new List<ColumnExpression>();
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (IsCast(token))
            {
                i = SkipTypeName(tokens, i + 1) - 1;
            }
            else if (token.IsName && i + 2 < to && tokens[i + 1].IsPunctuation('.') && tokens[i + 2].IsName)
            {
                columns.Add(new ColumnExpression(Name(token), Name(tokens[i + 2])));
                i += 2;
            }
            else if (token.IsName && !(i + 1 < to && tokens[i + 1].IsPunctuation('('))
                     && !(token.Kind == SqlTokenKind.Identifier && Keywords.Contains(Name(token))))
            {
                columns.Add(new ColumnExpression(null, Name(token)));
            }
        }

        return columns;
    }

    /// <summary>Skips a type name after <c>::</c> (<c>timestamp(3) with time zone[]</c>) and returns the index after it.</summary>
    private static int SkipTypeName(List<SqlToken> tokens, int index)
    {
        if (index < tokens.Count && tokens[index].IsName)
        {
            index++;
        }

        while (index + 1 < tokens.Count && tokens[index].IsPunctuation('.') && tokens[index + 1].IsName)
        {
            index += 2;
        }

        while (index < tokens.Count)
        {
            if (tokens[index].IsPunctuation('(') || tokens[index].IsPunctuation('['))
            {
                index = SkipBalanced(tokens, index);
            }
            else if (tokens[index].Kind == SqlTokenKind.Identifier && TypeWords.Contains(Name(tokens[index])))
            {
                index++;
            }
            else
            {
                break;
            }
        }

        return index;
    }

    /// <summary>From an opening bracket to just after its partner; one never closed (only in unbalanced text) runs to the end.</summary>
    private static int SkipBalanced(List<SqlToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsPunctuation('(') || tokens[i].IsPunctuation('['))
            {
                depth++;
            }
            else if (tokens[i].IsPunctuation(')') || tokens[i].IsPunctuation(']'))
            {
                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
        }

        return tokens.Count;
    }

    private sealed class Parser(List<SqlToken> tokens)
    {
        private int _index;
        private int _depth;

        public bool AtEnd => _index >= tokens.Count;

        // Past the end: a default token, which matches no keyword, punctuation or operator.
        private SqlToken Current => _index < tokens.Count ? tokens[_index] : default;

        private SqlToken Next => _index + 1 < tokens.Count ? tokens[_index + 1] : default;

        public PlanExpression ParseExpression() => ParseBoolean("or", isAnd: false, () => ParseBoolean("and", isAnd: true, ParseNot));

        private PlanExpression ParseBoolean(string word, bool isAnd, Func<PlanExpression> operand)
        {
            var items = new List<PlanExpression> { operand() };
            while (Current.IsKeyword(word))
            {
                _index++;
                items.Add(operand());
            }

            return items.Count == 1 ? items[0] : new BooleanExpression(isAnd, items);
        }

        private PlanExpression ParseNot()
        {
            if (!Current.IsKeyword("not"))
            {
                return ParseComparison();
            }

            _index++;
            return new NotExpression(Nested(ParseNot));
        }

        private PlanExpression ParseComparison()
        {
            var left = ParseOperand();
            while (!AtEnd)
            {
                if (Current.IsKeyword("is"))
                {
                    _index++;
                    var negated = Current.IsKeyword("not");
                    if (negated)
                    {
                        _index++;
                    }

                    if (Current.IsKeyword("null"))
                    {
                        _index++;
                        left = new NullTestExpression(left, IsNull: !negated);
                    }
                    else if (Current.IsKeyword("distinct"))
                    {
                        _index++;
                        Expect("from");
                        left = new OpaqueExpression([.. left.Columns, .. ParseOperand().Columns]);
                    }
                    else
                    {
                        // IS [NOT] TRUE / FALSE / UNKNOWN
                        _index++;
                        left = new OpaqueExpression([.. left.Columns]);
                    }
                }
                else if (IsOperator(Current))
                {
                    var op = Current.Text;
                    _index++;
                    if ((Current.IsKeyword("any") || Current.IsKeyword("some") || Current.IsKeyword("all")) && Next.IsPunctuation('('))
                    {
                        var isAll = Current.IsKeyword("all");
                        _index += 2;
                        var array = ParseExpression();
                        ExpectPunctuation(')');
                        left = isAll ? new OpaqueExpression([.. left.Columns, .. array.Columns]) : new AnyExpression(op, left, array);
                    }
                    else
                    {
                        var right = ParseOperand();

                        // Arithmetic on values (now() - '7 days'::interval) is itself a value.
                        left = left is ConstantExpression && right is ConstantExpression
                            ? new ConstantExpression(null)
                            : new OperatorExpression(op, left, right);
                    }
                }
                else
                {
                    break;
                }
            }

            return left;
        }

        private PlanExpression ParseOperand() => Nested(ParseUnnestedOperand);

        private PlanExpression ParseUnnestedOperand()
        {
            if (IsOperator(Current) && Current.Text is "-" or "+")
            {
                _index++;
                var operand = ParseOperand();
                return operand is ConstantExpression ? new ConstantExpression(null) : new ComputedExpression([.. operand.Columns]);
            }

            var primary = ParsePrimary();
            while (!AtEnd)
            {
                if (IsCast(Current))
                {
                    var typeStart = _index + 1;
                    _index = SkipTypeName(tokens, typeStart);
                    var type = string.Join(' ', tokens.Skip(typeStart).Take(_index - typeStart).Select(Name));
                    primary = primary switch
                    {
                        ColumnExpression column when column.CastType is null => column with { CastType = type },
                        ConstantExpression constant => constant,
                        _ => new ComputedExpression([.. primary.Columns]),
                    };
                }
                else if (Current.IsPunctuation('['))
                {
                    var end = SkipBalanced(tokens, _index);
                    primary = new ComputedExpression([.. primary.Columns, .. ScanColumns(tokens, _index, end)]);
                    _index = end;
                }
                else if (Current.IsKeyword("collate"))
                {
                    // A collation other than the column's makes its index unusable for ordering and ranges.
                    _index += 2;
                    primary = new OpaqueExpression([.. primary.Columns]);
                }
                else if (Current.IsPunctuation('.') && primary is not ColumnExpression)
                {
                    _index += 2;
                    primary = new ComputedExpression([.. primary.Columns]);
                }
                else
                {
                    break;
                }
            }

            return primary;
        }

        private PlanExpression ParsePrimary()
        {
            if (AtEnd)
            {
                throw new FormatException("unexpected end of the expression");
            }

            var token = Current;
            if (token.IsStringLiteral || token.Kind == SqlTokenKind.Number)
            {
                _index++;
                return new ConstantExpression(token.Text);
            }

            if (token.Kind == SqlTokenKind.Parameter)
            {
                _index++;
                return new ConstantExpression(null);
            }

            if (token.IsPunctuation('('))
            {
                return ParseParenthesised();
            }

            return token.IsName ? ParseName(token) : throw new FormatException($"unexpected '{token.Text}'");
        }

        private PlanExpression ParseParenthesised()
        {
            if (Next.IsKeyword("subplan") || Next.IsKeyword("initplan") || Next.IsKeyword("hashed"))
            {
                // (SubPlan 1), (hashed SubPlan 2), (InitPlan 1).col1: values computed elsewhere in the plan.
                _index = SkipBalanced(tokens, _index);
                return new ConstantExpression(null);
            }

            _index++;
            var inner = ParseExpression();
            if (Current.IsPunctuation(','))
            {
                // A row constructor: (a, b).
                var close = SkipBalanced(tokens, FindOpen());
                var columns = inner.Columns.Concat(ScanColumns(tokens, _index, close - 1)).ToList();
                _index = close;
                return new OpaqueExpression(columns);
            }

            ExpectPunctuation(')');
            return inner;
        }

        private int FindOpen()
        {
            var depth = 0;
            for (var i = _index - 1; i >= 0; i--)
            {
                if (tokens[i].IsPunctuation(')') || tokens[i].IsPunctuation(']'))
                {
                    depth++;
                }
                else if (tokens[i].IsPunctuation('(') || tokens[i].IsPunctuation('['))
                {
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                }
            }

            throw new FormatException("unbalanced brackets");
        }

        private PlanExpression ParseName(SqlToken token)
        {
            var word = token.Kind == SqlTokenKind.Identifier ? Name(token) : null;
            if (word is "null" or "true" or "false")
            {
                _index++;
                return new ConstantExpression(word == "null" ? null : word);
            }

            if (word is "case" or "exists" or "array" or "row")
            {
                return ParseConstruct(word);
            }

            if (word is not null && ValueFunctions.Contains(word))
            {
                // CURRENT_DATE, CURRENT_TIMESTAMP(3), CURRENT_USER: values of the statement, like now().
                _index++;
                _index = Current.IsPunctuation('(') ? SkipBalanced(tokens, _index) : _index;
                return new ConstantExpression(null);
            }

            if (Next.IsPunctuation('('))
            {
                // A function call: a constant when no column is involved (now(), '7 days'::interval arithmetic, …).
                var end = SkipBalanced(tokens, _index + 1);
                var columns = ScanColumns(tokens, _index + 2, end - 1);
                _index = end;
                return columns.Count == 0 ? new ConstantExpression(null) : new ComputedExpression(columns);
            }

            if (word is not null && Keywords.Contains(word))
            {
                throw new FormatException($"unexpected keyword '{word}'");
            }

            _index++;
            if (Current.IsPunctuation('.') && Next.IsName)
            {
                var column = Name(Next);
                _index += 2;
                return new ColumnExpression(Name(token), column);
            }

            return new ColumnExpression(null, Name(token));
        }

        /// <summary>CASE … END, EXISTS (…), ARRAY[…], ROW(…): a value computed from the columns inside.</summary>
        private PlanExpression ParseConstruct(string word)
        {
            var start = _index;
            if (word == "case")
            {
                var depth = 0;
                do
                {
                    if (Current.IsKeyword("case"))
                    {
                        depth++;
                    }
                    else if (Current.IsKeyword("end"))
                    {
                        depth--;
                    }

                    _index++;
                    if (AtEnd && depth > 0)
                    {
                        throw new FormatException("CASE without END");
                    }
                }
                while (depth > 0);
            }
            else
            {
                _index++;
                if (!Current.IsPunctuation('(') && !Current.IsPunctuation('['))
                {
                    throw new FormatException($"{word} without brackets");
                }

                _index = SkipBalanced(tokens, _index);
            }

            var columns = ScanColumns(tokens, start + 1, _index);
            return columns.Count == 0 ? new ConstantExpression(null) : new ComputedExpression(columns);
        }

        /// <summary>One level deeper: NOT, unary minus and parentheses recurse.</summary>
        private PlanExpression Nested(Func<PlanExpression> parse)
        {
            if (++_depth > MaxDepth)
            {
                throw new FormatException("the expression nests too deeply");
            }

            var expression = parse();
            _depth--;
            return expression;
        }

        private void Expect(string word)
        {
            if (!Current.IsKeyword(word))
            {
                throw new FormatException($"expected {word}");
            }

            _index++;
        }

        private void ExpectPunctuation(char c)
        {
            if (!Current.IsPunctuation(c))
            {
                throw new FormatException($"expected '{c}'");
            }

            _index++;
        }
    }
}
