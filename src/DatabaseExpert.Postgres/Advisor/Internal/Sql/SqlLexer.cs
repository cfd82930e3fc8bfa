using System.Globalization;
using System.Text;

namespace DatabaseExpert.Postgres.Advisor.Internal.Sql;

/// <summary>
/// A small PostgreSQL tokenizer: enough to split a workload script into statements and to read the expressions EXPLAIN
/// prints. Comments and whitespace are dropped. It follows the server's lexical rules for the things that can hide a
/// <c>;</c> or a <c>$1</c>: quoted strings ('' escapes; E'' with backslash escapes), quoted identifiers, nested
/// block comments and dollar quotes.
/// </summary>
internal static class SqlLexer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?";

    public static IReadOnlyList<SqlToken> Tokenize(string text)
    {
        var tokens = new List<SqlToken>();
        var reader = new Cursor(text);
        while (!reader.AtEnd)
        {
            var c = reader.Current;
            if (char.IsWhiteSpace(c))
            {
                reader.Advance();
            }
            else if (c == '-' && reader.Peek(1) == '-')
            {
                while (!reader.AtEnd && reader.Current != '\n')
                {
                    reader.Advance();
                }
            }
            else if (c == '/' && reader.Peek(1) == '*')
            {
                SkipBlockComment(reader);
            }
            else
            {
                tokens.Add(ReadToken(reader, text));
            }
        }

        return tokens;
    }

    private static SqlToken ReadToken(Cursor reader, string text)
    {
        var (start, line, column) = (reader.Position, reader.Line, reader.Column);
        var c = reader.Current;
        SqlToken Make(SqlTokenKind kind, string? value = null)
        {
            var raw = text[start..reader.Position];
            return new SqlToken(kind, raw, value ?? raw, start, line, column);
        }

        if ((c is 'e' or 'E') && reader.Peek(1) == '\'')
        {
            reader.Advance();
            ReadQuoted(reader, '\'', backslashEscapes: true, "string constant", line, column);
            return Make(SqlTokenKind.String);
        }

        if (c == '\'')
        {
            ReadQuoted(reader, '\'', backslashEscapes: false, "string constant", line, column);
            return Make(SqlTokenKind.String);
        }

        if (c == '"')
        {
            var name = ReadQuoted(reader, '"', backslashEscapes: false, "quoted identifier", line, column);
            return Make(SqlTokenKind.QuotedIdentifier, name);
        }

        if (c == '$')
        {
            if (char.IsAsciiDigit(reader.Peek(1)))
            {
                reader.Advance();
                while (!reader.AtEnd && char.IsAsciiDigit(reader.Current))
                {
                    reader.Advance();
                }

                var number = text[(start + 1)..reader.Position];
                return Make(SqlTokenKind.Parameter, int.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            }

            if (TryReadDollarQuote(reader, text, line, column))
            {
                return Make(SqlTokenKind.String);
            }
        }

        if (char.IsLetter(c) || c == '_')
        {
            while (!reader.AtEnd && (char.IsLetterOrDigit(reader.Current) || reader.Current is '_' or '$'))
            {
                reader.Advance();
            }

            return Make(SqlTokenKind.Word, text[start..reader.Position].ToLowerInvariant());
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(reader.Peek(1))))
        {
            ReadNumber(reader);
            return Make(SqlTokenKind.Number);
        }

        if (c == ':' && reader.Peek(1) == ':')
        {
            reader.Advance(2);
            return Make(SqlTokenKind.Cast);
        }

        if ("()[],;.:".Contains(c, StringComparison.Ordinal))
        {
            reader.Advance();
            return Make(SqlTokenKind.Punctuation);
        }

        if (OperatorChars.Contains(c, StringComparison.Ordinal))
        {
            // An operator ends where a comment starts, as in the server's scanner.
            while (!reader.AtEnd && OperatorChars.Contains(reader.Current, StringComparison.Ordinal)
                   && !(reader.Current == '-' && reader.Peek(1) == '-') && !(reader.Current == '/' && reader.Peek(1) == '*'))
            {
                reader.Advance();
            }

            return Make(SqlTokenKind.Operator);
        }

        // Anything else (a stray character) is kept as a one-character operator so callers can report it in context.
        reader.Advance();
        return Make(SqlTokenKind.Operator);
    }

    private static string ReadQuoted(Cursor reader, char quote, bool backslashEscapes, string what, int line, int column)
    {
        var value = new StringBuilder();
        reader.Advance();
        while (true)
        {
            if (reader.AtEnd)
            {
                throw new SqlLexException($"unterminated {what}", line, column);
            }

            var c = reader.Current;
            if (backslashEscapes && c == '\\' && reader.Peek(1) != '\0')
            {
                value.Append(reader.Peek(1));
                reader.Advance(2);
            }
            else if (c == quote && reader.Peek(1) == quote)
            {
                value.Append(quote);
                reader.Advance(2);
            }
            else if (c == quote)
            {
                reader.Advance();
                return value.ToString();
            }
            else
            {
                value.Append(c);
                reader.Advance();
            }
        }
    }

    private static bool TryReadDollarQuote(Cursor reader, string text, int line, int column)
    {
        var end = reader.Position + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        if (end >= text.Length || text[end] != '$' || (end > reader.Position + 1 && char.IsAsciiDigit(text[reader.Position + 1])))
        {
            return false;
        }

        var delimiter = text[reader.Position..(end + 1)];
        var close = text.IndexOf(delimiter, end + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new SqlLexException($"unterminated dollar-quoted string {delimiter}", line, column);
        }

        reader.Advance(close + delimiter.Length - reader.Position);
        return true;
    }

    private static void ReadNumber(Cursor reader)
    {
        while (!reader.AtEnd && (char.IsAsciiDigit(reader.Current) || reader.Current == '.' || reader.Current == '_'))
        {
            // "1..2" does not occur in SQL, but "a[1:2]" and "x.1" can't follow a number either; a second dot ends it.
            if (reader.Current == '.' && reader.Peek(1) == '.')
            {
                break;
            }

            reader.Advance();
        }

        if (!reader.AtEnd && reader.Current is 'e' or 'E'
            && (char.IsAsciiDigit(reader.Peek(1)) || (reader.Peek(1) is '+' or '-' && char.IsAsciiDigit(reader.Peek(2)))))
        {
            reader.Advance(2);
            while (!reader.AtEnd && char.IsAsciiDigit(reader.Current))
            {
                reader.Advance();
            }
        }
    }

    private static void SkipBlockComment(Cursor reader)
    {
        var (line, column) = (reader.Line, reader.Column);
        var depth = 0;
        do
        {
            if (reader.AtEnd)
            {
                throw new SqlLexException("unterminated /* comment", line, column);
            }

            if (reader.Current == '/' && reader.Peek(1) == '*')
            {
                depth++;
                reader.Advance(2);
            }
            else if (reader.Current == '*' && reader.Peek(1) == '/')
            {
                depth--;
                reader.Advance(2);
            }
            else
            {
                reader.Advance();
            }
        }
        while (depth > 0);
    }

    /// <summary>A position in the text that keeps line and column up to date.</summary>
    private sealed class Cursor(string text)
    {
        public int Position { get; private set; }

        public int Line { get; private set; } = 1;

        public int Column { get; private set; } = 1;

        public bool AtEnd => Position >= text.Length;

        public char Current => text[Position];

        public char Peek(int ahead) => Position + ahead < text.Length ? text[Position + ahead] : '\0';

        public void Advance(int count = 1)
        {
            for (var i = 0; i < count && Position < text.Length; i++)
            {
                if (text[Position] == '\n')
                {
                    Line++;
                    Column = 1;
                }
                else
                {
                    Column++;
                }

                Position++;
            }
        }
    }
}
