using DatabaseExpert.Postgres.Advisor.Internal.Sql;

namespace DatabaseExpert.Postgres.Advisor.Internal.Plans;

/// <summary>
/// Reads the expressions EXPLAIN prints (<c>Filter</c>, <c>Index Cond</c>, <c>Hash Cond</c>, <c>Sort Key</c>, …).
/// PostgreSQL deparses them in a regular form (every operator expression parenthesised, constants as
/// <c>'value'::type</c>), so a small recursive-descent parser suffices. Whatever it does not understand becomes an
/// <see cref="OpaqueExpression"/> that still lists the columns inside: the advisor never fails on an odd expression,
/// it only proposes fewer indexes for it.
/// </summary>
internal static class PlanExpressionParser
{
    // Words that end an argument scan's idea of a "bare column name" (they are syntax, not names).
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "all", "and", "any", "array", "as", "asc", "between", "both", "by", "case", "cast", "collate", "current_date",
        "current_time", "current_timestamp", "current_user", "default", "desc", "distinct", "else", "end", "exists",
        "false", "filter", "first", "from", "in", "is", "last", "leading", "like", "localtime", "localtimestamp", "not",
        "null", "nulls", "or", "order", "over", "partition", "range", "row", "rows", "session_user", "some", "then",
        "trailing", "true", "unknown", "user", "using", "when", "where", "within", "group", "hashed", "subplan", "initplan",
    };

    private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal) { "with", "without", "time", "zone", "varying", "precision" };

    public static PlanExpression Parse(string text)
    {
        IReadOnlyList<SqlToken> tokens;
        try
        {
            tokens = SqlLexer.Tokenize(text);
        }
        catch (SqlLexException)
        {
            return new OpaqueExpression([]);
        }

        return ParseTokens(tokens);
    }

    /// <summary>A <c>Sort Key</c> entry: the expression and its direction (<c>o.created_at DESC NULLS LAST</c>).</summary>
    public static (PlanExpression Expression, bool Descending, bool NullsFirst) ParseSortKey(string text)
    {
        IReadOnlyList<SqlToken> tokens;
        try
        {
            tokens = SqlLexer.Tokenize(text);
        }
        catch (SqlLexException)
        {
            return (new OpaqueExpression([]), false, false);
        }

        var end = tokens.Count;
        bool? nullsFirst = null;
        var descending = false;
        if (end >= 2 && tokens[end - 2].IsWord("nulls"))
        {
            nullsFirst = tokens[end - 1].IsWord("first");
            end -= 2;
        }

        if (end >= 1 && (tokens[end - 1].IsWord("desc") || tokens[end - 1].IsWord("asc")))
        {
            descending = tokens[end - 1].IsWord("desc");
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

    private static PlanExpression ParseTokens(IReadOnlyList<SqlToken> tokens)
    {
        if (tokens.Count == 0)
        {
            return new OpaqueExpression([]);
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

    /// <summary>Column references in a token range, for the parts that are not parsed: <c>alias.col</c> and bare names.</summary>
    private static List<ColumnExpression> ScanColumns(IReadOnlyList<SqlToken> tokens, int from, int to)
    {
        var columns = new List<ColumnExpression>();
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.Cast)
            {
                i = SkipTypeName(tokens, i + 1) - 1;
            }
            else if (token.IsName && i + 2 < to && tokens[i + 1].IsPunctuation('.') && tokens[i + 2].IsName)
            {
                columns.Add(new ColumnExpression(token.Value, tokens[i + 2].Value));
                i += 2;
            }
            else if (token.IsName && !(i + 1 < to && tokens[i + 1].IsPunctuation('('))
                     && !(token.Kind == SqlTokenKind.Word && Keywords.Contains(token.Value)))
            {
                columns.Add(new ColumnExpression(null, token.Value));
            }
        }

        return columns;
    }

    /// <summary>Skips a type name after <c>::</c> (<c>timestamp(3) with time zone[]</c>) and returns the index after it.</summary>
    private static int SkipTypeName(IReadOnlyList<SqlToken> tokens, int index)
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
            else if (tokens[index].Kind == SqlTokenKind.Word && TypeWords.Contains(tokens[index].Value))
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

    /// <summary>From an opening bracket to just after its partner.</summary>
    private static int SkipBalanced(IReadOnlyList<SqlToken> tokens, int open)
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

        throw new FormatException("unbalanced brackets");
    }

    private sealed class Parser(IReadOnlyList<SqlToken> tokens)
    {
        private int _index;

        public bool AtEnd => _index >= tokens.Count;

        private SqlToken Current => _index < tokens.Count ? tokens[_index] : default;

        private SqlToken Next => _index + 1 < tokens.Count ? tokens[_index + 1] : default;

        public PlanExpression ParseExpression() => ParseBoolean("or", isAnd: false, () => ParseBoolean("and", isAnd: true, ParseNot));

        private PlanExpression ParseBoolean(string word, bool isAnd, Func<PlanExpression> operand)
        {
            var items = new List<PlanExpression> { operand() };
            while (Current.IsWord(word))
            {
                _index++;
                items.Add(operand());
            }

            return items.Count == 1 ? items[0] : new BooleanExpression(isAnd, items);
        }

        private PlanExpression ParseNot()
        {
            if (Current.IsWord("not"))
            {
                _index++;
                return new NotExpression(ParseNot());
            }

            return ParseComparison();
        }

        private PlanExpression ParseComparison()
        {
            var left = ParseOperand();
            while (!AtEnd)
            {
                if (Current.IsWord("is"))
                {
                    _index++;
                    var negated = Current.IsWord("not");
                    if (negated)
                    {
                        _index++;
                    }

                    if (Current.IsWord("null"))
                    {
                        _index++;
                        left = new NullTestExpression(left, IsNull: !negated);
                    }
                    else if (Current.IsWord("distinct"))
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
                else if (Current.Kind == SqlTokenKind.Operator)
                {
                    var op = Current.Text;
                    _index++;
                    if ((Current.IsWord("any") || Current.IsWord("some") || Current.IsWord("all")) && Next.IsPunctuation('('))
                    {
                        var isAll = Current.IsWord("all");
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

        private PlanExpression ParseOperand()
        {
            if (Current.Kind == SqlTokenKind.Operator && Current.Text is "-" or "+")
            {
                _index++;
                var operand = ParseOperand();
                return operand is ConstantExpression ? new ConstantExpression(null) : new OpaqueExpression([.. operand.Columns]);
            }

            var primary = ParsePrimary();
            while (!AtEnd)
            {
                if (Current.Kind == SqlTokenKind.Cast)
                {
                    var typeStart = _index + 1;
                    _index = SkipTypeName(tokens, typeStart);
                    var type = string.Join(' ', tokens.Skip(typeStart).Take(_index - typeStart).Select(t => t.Value));
                    primary = primary switch
                    {
                        ColumnExpression column when column.CastType is null => column with { CastType = type },
                        ConstantExpression constant => constant,
                        _ => new OpaqueExpression([.. primary.Columns]),
                    };
                }
                else if (Current.IsPunctuation('['))
                {
                    var end = SkipBalanced(tokens, _index);
                    primary = new OpaqueExpression([.. primary.Columns, .. ScanColumns(tokens, _index, end)]);
                    _index = end;
                }
                else if (Current.IsWord("collate"))
                {
                    // A collation other than the column's makes its index unusable for ordering and ranges.
                    _index += 2;
                    primary = new OpaqueExpression([.. primary.Columns]);
                }
                else if (Current.IsPunctuation('.') && primary is not ColumnExpression)
                {
                    _index += 2;
                    primary = new OpaqueExpression([.. primary.Columns]);
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
            var token = Current;
            switch (token.Kind)
            {
                case SqlTokenKind.String:
                    _index++;
                    return new ConstantExpression(token.Text);
                case SqlTokenKind.Number:
                    _index++;
                    return new ConstantExpression(token.Text);
                case SqlTokenKind.Parameter:
                    _index++;
                    return new ConstantExpression(null);
                case SqlTokenKind.Punctuation when token.IsPunctuation('('):
                    return ParseParenthesised();
                case SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier:
                    return ParseName(token);
                default:
                    throw new FormatException($"unexpected '{token.Text}'");
            }
        }

        private PlanExpression ParseParenthesised()
        {
            if (Next.IsWord("subplan") || Next.IsWord("initplan") || Next.IsWord("hashed"))
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
            var word = token.Kind == SqlTokenKind.Word ? token.Value : null;
            if (word is "null" or "true" or "false")
            {
                _index++;
                return new ConstantExpression(word == "null" ? null : word);
            }

            if (word is "case" or "exists" or "array" or "row")
            {
                return ParseOpaqueConstruct(word);
            }

            if (Next.IsPunctuation('('))
            {
                // A function call: a constant when no column is involved (now(), '7 days'::interval arithmetic, …).
                var end = SkipBalanced(tokens, _index + 1);
                var columns = ScanColumns(tokens, _index + 2, end - 1);
                _index = end;
                return columns.Count == 0 ? new ConstantExpression(null) : new OpaqueExpression(columns);
            }

            if (word is not null && Keywords.Contains(word))
            {
                throw new FormatException($"unexpected keyword '{word}'");
            }

            _index++;
            if (Current.IsPunctuation('.') && Next.IsName)
            {
                var column = Next.Value;
                _index += 2;
                return new ColumnExpression(token.Value, column);
            }

            return new ColumnExpression(null, token.Value);
        }

        private PlanExpression ParseOpaqueConstruct(string word)
        {
            var start = _index;
            if (word == "case")
            {
                var depth = 0;
                do
                {
                    if (Current.IsWord("case"))
                    {
                        depth++;
                    }
                    else if (Current.IsWord("end"))
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
            return columns.Count == 0 ? new ConstantExpression(null) : new OpaqueExpression(columns);
        }

        private void Expect(string word)
        {
            if (!Current.IsWord(word))
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
