namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>
/// A small PostgreSQL tokenizer: enough to count top-level statements and see keywords, with single-quoted strings
/// (<c>''</c> and <c>E'\''</c> escapes), double-quoted identifiers, dollar quotes (<c>$$…$$</c>, <c>$tag$…$tag$</c>),
/// <c>--</c> and nested <c>/* */</c> comments, and <c>$n</c> placeholders. Temporary: replaced by the shared lexer.
/// </summary>
internal sealed class MinimalStatementReader : ISqlStatementReader
{
    public SqlStatementFacts Read(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var scan = new Scan(sql);
        scan.Run();
        return new SqlStatementFacts(scan.Statements, scan.Words, scan.MaxParameter, scan.Problem);
    }

    private sealed class Scan(string sql)
    {
        private int _position;
        private int _depth;
        private bool _statementHasContent;

        public int Statements { get; private set; }

        public List<SqlWord> Words { get; } = [];

        public int MaxParameter { get; private set; }

        public string? Problem { get; private set; }

        public void Run()
        {
            while (_position < sql.Length && Problem is null)
            {
                var c = sql[_position];
                if (char.IsWhiteSpace(c))
                {
                    _position++;
                }
                else if (c == '-' && Peek(1) == '-')
                {
                    var end = sql.IndexOf('\n', _position);
                    _position = end < 0 ? sql.Length : end + 1;
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    SkipBlockComment();
                }
                else if (c == ';')
                {
                    EndStatement();
                    _position++;
                }
                else
                {
                    _statementHasContent = true;
                    ReadToken(c);
                }
            }

            EndStatement();
        }

        private void ReadToken(char c)
        {
            if (c == '\'')
            {
                SkipQuoted('\'', backslashEscapes: false, "string");
            }
            else if (c == '"')
            {
                var start = _position;
                SkipQuoted('"', backslashEscapes: false, "quoted identifier");
                if (Problem is null)
                {
                    AddWord(sql[(start + 1)..(_position - 1)].Replace("\"\"", "\"", StringComparison.Ordinal), quoted: true, start);
                }
            }
            else if (c == '$' && char.IsAsciiDigit(Peek(1)))
            {
                var start = ++_position;
                while (_position < sql.Length && char.IsAsciiDigit(sql[_position]))
                {
                    _position++;
                }

                MaxParameter = Math.Max(MaxParameter, int.TryParse(sql.AsSpan(start, _position - start), out var n) ? n : int.MaxValue);
            }
            else if (c == '$' && TryReadDollarTag(out var tag))
            {
                SkipDollarQuoted(tag);
            }
            else if (IsIdentifierStart(c))
            {
                ReadWord();
            }
            else if (char.IsAsciiDigit(c))
            {
                while (_position < sql.Length && (char.IsAsciiLetterOrDigit(sql[_position]) || sql[_position] is '.' or '_'))
                {
                    _position++;
                }
            }
            else
            {
                if (c == '(')
                {
                    _depth++;
                }
                else if (c == ')')
                {
                    _depth = Math.Max(0, _depth - 1);
                }

                _position++;
            }
        }

        private void ReadWord()
        {
            var start = _position;
            while (_position < sql.Length && (IsIdentifierStart(sql[_position]) || char.IsAsciiDigit(sql[_position]) || sql[_position] == '$'))
            {
                _position++;
            }

            var word = sql[start.._position];

            // E'…' takes backslash escapes (U&'…', B'…' and X'…' are ordinary literals after a harmless prefix word).
            if (Peek(0) == '\'' && word is "E" or "e")
            {
                SkipQuoted('\'', backslashEscapes: true, "string");
                return;
            }

            AddWord(word.ToUpperInvariant(), quoted: false, start);
        }

        private void AddWord(string text, bool quoted, int start)
        {
            var next = _position;
            while (next < sql.Length && char.IsWhiteSpace(sql[next]))
            {
                next++;
            }

            Words.Add(new SqlWord(text, quoted, _depth, next < sql.Length && sql[next] == '(', start));
        }

        private void SkipQuoted(char quote, bool backslashEscapes, string what)
        {
            var start = _position++;
            while (_position < sql.Length)
            {
                var c = sql[_position++];
                if (backslashEscapes && c == '\\')
                {
                    _position++;
                }
                else if (c == quote)
                {
                    if (Peek(0) != quote)
                    {
                        return;
                    }

                    _position++;
                }
            }

            Problem = $"unterminated {what} starting at {TextPosition.Describe(sql, start)}";
        }

        private bool TryReadDollarTag(out string tag)
        {
            var end = _position + 1;
            while (end < sql.Length && (IsIdentifierStart(sql[end]) || (end > _position + 1 && char.IsAsciiDigit(sql[end]))))
            {
                end++;
            }

            tag = end < sql.Length && sql[end] == '$' ? sql[_position..(end + 1)] : string.Empty;
            return tag.Length > 0;
        }

        private void SkipDollarQuoted(string tag)
        {
            var start = _position;
            var close = sql.IndexOf(tag, _position + tag.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                Problem = $"unterminated dollar-quoted string {tag} starting at {TextPosition.Describe(sql, start)}";
                return;
            }

            _position = close + tag.Length;
        }

        private void SkipBlockComment()
        {
            var start = _position;
            var nesting = 0;
            while (_position < sql.Length)
            {
                if (sql[_position] == '/' && Peek(1) == '*')
                {
                    nesting++;
                    _position += 2;
                }
                else if (sql[_position] == '*' && Peek(1) == '/')
                {
                    nesting--;
                    _position += 2;
                    if (nesting == 0)
                    {
                        return;
                    }
                }
                else
                {
                    _position++;
                }
            }

            Problem = $"unterminated /* comment starting at {TextPosition.Describe(sql, start)}";
        }

        private void EndStatement()
        {
            if (_statementHasContent)
            {
                Statements++;
            }

            _statementHasContent = false;
            _depth = 0;
        }

        private char Peek(int ahead) => _position + ahead < sql.Length ? sql[_position + ahead] : '\0';

        private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;
    }
}
