using System.Buffers;

namespace DatabaseExpert.Postgres.Sql.Internal;

/// <summary>
/// The character-level lexer. It follows the rules of PostgreSQL's lexical structure (SQL syntax chapter of the manual)
/// with standard_conforming_strings on, plus psql meta-commands. It walks the text once, never backtracks more than a
/// few characters, and reports unterminated constructs as diagnostics instead of throwing.
/// </summary>
internal sealed class Scanner
{
    // Characters that may form operators; see "Operators" in the PostgreSQL manual.
    private static readonly SearchValues<char> OperatorChars = SearchValues.Create("+-*/<>=~!@#%^&|`?");

    // An operator may end in + or - only when it also contains one of these.
    private static readonly SearchValues<char> OperatorSpecials = SearchValues.Create("~!@#%^&|`?");

    private readonly SqlSource _source;
    private readonly string _text;
    private readonly List<SqlToken> _tokens;
    private readonly List<SqlDiagnostic> _diagnostics = [];
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private Scanner(SqlSource source)
    {
        _source = source;
        _text = source.Text;
        // Real SQL averages roughly one token per four characters.
        _tokens = new List<SqlToken>(Math.Max(16, _text.Length / 4));
    }

    public static (SqlToken[] Tokens, List<SqlDiagnostic> Diagnostics) Scan(SqlSource source)
    {
        var scanner = new Scanner(source);
        scanner.Run();
        return ([.. scanner._tokens], scanner._diagnostics);
    }

    private void Run()
    {
        while (_position < _text.Length)
        {
            var start = _position;
            var startPosition = new SqlPosition(_line, start - _lineStart + 1, start);
            var unterminated = false;
            var escape = '\\';
            var kind = ScanToken(startPosition, ref unterminated, ref escape);
            if (MayContainBreaks(kind))
            {
                LineCounter.Count(_text, start, _position, ref _line, ref _lineStart);
            }

            _tokens.Add(new SqlToken(_source, kind, startPosition, _position - start, unterminated, escape));
        }
    }

    private static bool MayContainBreaks(SqlTokenKind kind) =>
        kind is SqlTokenKind.Whitespace or SqlTokenKind.BlockComment or SqlTokenKind.DollarString or SqlTokenKind.StandardString or SqlTokenKind.EscapeString or SqlTokenKind.UnicodeString or SqlTokenKind.BitString
            or SqlTokenKind.HexString or SqlTokenKind.QuotedIdentifier or SqlTokenKind.UnicodeIdentifier;

    private SqlTokenKind ScanToken(SqlPosition start, ref bool unterminated, ref char escape)
    {
        var c = _text[_position];
        switch (c)
        {
            case ' ' or '\t' or '\n' or '\r' or '\f' or '\v':
                _position++;
                while (_position < _text.Length && IsWhitespace(_text[_position]))
                {
                    _position++;
                }

                return SqlTokenKind.Whitespace;
            case '-' when Peek(1) == '-':
                ToEndOfLine();
                return SqlTokenKind.LineComment;
            case '/' when Peek(1) == '*':
                unterminated = !BlockComment(start);
                return SqlTokenKind.BlockComment;
            case '\'':
                unterminated = !Quoted('\'', backslashEscapes: false, start, "string constant");
                return SqlTokenKind.StandardString;
            case '"':
                unterminated = !QuotedIdentifier(start);
                return SqlTokenKind.QuotedIdentifier;
            case '$':
                return Dollar(start, ref unterminated);
            case '\\':
                ToEndOfLine();
                return SqlTokenKind.MetaCommand;
            case '(' or ')' or '[' or ']' or ',' or ';':
                _position++;
                return SqlTokenKind.Punctuation;
            case '.':
                if (IsAsciiDigit(Peek(1)))
                {
                    Number();
                    return SqlTokenKind.Number;
                }

                _position += Peek(1) == '.' ? 2 : 1;
                return _position - start.Offset == 2 ? SqlTokenKind.Operator : SqlTokenKind.Punctuation;
            case ':':
                if (Peek(1) is ':' or '=')
                {
                    _position += 2;
                    return SqlTokenKind.Operator;
                }

                _position++;
                return SqlTokenKind.Punctuation;
        }

        if (IsAsciiDigit(c))
        {
            Number();
            return SqlTokenKind.Number;
        }

        if (IsIdentifierStart(c))
        {
            return Word(start, ref unterminated, ref escape);
        }

        if (OperatorChars.Contains(c))
        {
            Operator();
            return SqlTokenKind.Operator;
        }

        _position++;
        return SqlTokenKind.Other;
    }

    /// <summary>An identifier or keyword, or a prefixed literal: <c>E'…'</c>, <c>N'…'</c>, <c>B'…'</c>, <c>X'…'</c>, <c>U&amp;'…'</c>, <c>U&amp;"…"</c>.</summary>
    private SqlTokenKind Word(SqlPosition start, ref bool unterminated, ref char escape)
    {
        var c = _text[_position];
        var next = Peek(1);
        if (next == '\'')
        {
            switch (c)
            {
                case 'E' or 'e':
                    _position++;
                    unterminated = !Quoted('\'', backslashEscapes: true, start, "escape string constant");
                    return SqlTokenKind.EscapeString;
                case 'N' or 'n':
                    _position++;
                    unterminated = !Quoted('\'', backslashEscapes: false, start, "string constant");
                    return SqlTokenKind.StandardString;
                case 'B' or 'b':
                    _position++;
                    unterminated = !Quoted('\'', backslashEscapes: false, start, "bit string constant");
                    return SqlTokenKind.BitString;
                case 'X' or 'x':
                    _position++;
                    unterminated = !Quoted('\'', backslashEscapes: false, start, "hexadecimal string constant");
                    return SqlTokenKind.HexString;
            }
        }

        if (c is 'U' or 'u' && next == '&' && Peek(2) is '\'' or '"')
        {
            var isString = Peek(2) == '\'';
            _position += 2;
            unterminated = isString
                ? !Quoted('\'', backslashEscapes: false, start, "Unicode string constant")
                : !QuotedIdentifier(start);
            if (!unterminated)
            {
                escape = UnicodeEscapeClause() ?? '\\';
            }

            return isString ? SqlTokenKind.UnicodeString : SqlTokenKind.UnicodeIdentifier;
        }

        _position++;
        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        return SqlTokenKind.Identifier;
    }

    /// <summary>
    /// Looks past a Unicode literal for <c>UESCAPE 'c'</c>, which changes its escape character. The clause stays in the
    /// token stream as tokens of its own; only the character is recorded here.
    /// </summary>
    private char? UnicodeEscapeClause()
    {
        var p = SkipWhitespace(_position);
        const string Keyword = "UESCAPE";
        if (p + Keyword.Length > _text.Length
            || !_text.AsSpan(p, Keyword.Length).Equals(Keyword, StringComparison.OrdinalIgnoreCase)
            || (p + Keyword.Length < _text.Length && IsIdentifierPart(_text[p + Keyword.Length])))
        {
            return null;
        }

        p = SkipWhitespace(p + Keyword.Length);
        return p + 2 < _text.Length && _text[p] == '\'' && _text[p + 2] == '\'' ? _text[p + 1] : null;
    }

    private int SkipWhitespace(int p)
    {
        while (p < _text.Length && IsWhitespace(_text[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary>A quoted literal starting at the quote under the cursor; doubled quotes stand for one.</summary>
    private bool Quoted(char quote, bool backslashEscapes, SqlPosition start, string what)
    {
        _position++;
        while (true)
        {
            var rest = _text.AsSpan(_position);
            var found = backslashEscapes ? rest.IndexOfAny(quote, '\\') : rest.IndexOf(quote);
            if (found < 0)
            {
                _position = _text.Length;
                Error($"unterminated {what}: the {quote} opened here is never closed", start);
                return false;
            }

            _position += found;
            if (_text[_position] == '\\')
            {
                // Whatever follows a backslash in an E'' string is part of the string, a quote included.
                _position = Math.Min(_text.Length, _position + 2);
                continue;
            }

            _position++;
            if (Peek(0) == quote)
            {
                _position++;
                continue;
            }

            return true;
        }
    }

    private bool QuotedIdentifier(SqlPosition start)
    {
        var opened = _position;
        if (!Quoted('"', backslashEscapes: false, start, "quoted identifier"))
        {
            return false;
        }

        if (_position - opened == 2)
        {
            Error("zero-length quoted identifier \"\": a name needs at least one character", start);
        }

        return true;
    }

    private bool BlockComment(SqlPosition start)
    {
        _position += 2;
        var depth = 1;
        while (true)
        {
            var found = _text.AsSpan(_position).IndexOfAny('*', '/');
            if (found < 0)
            {
                _position = _text.Length;
                Error(depth == 1
                    ? "unterminated /* comment: add the closing */"
                    : $"unterminated /* comment: {depth} nested comments are still open (PostgreSQL comments nest; each /* needs its */)", start);
                return false;
            }

            _position += found;
            if (_text[_position] == '*' && Peek(1) == '/')
            {
                _position += 2;
                if (--depth == 0)
                {
                    return true;
                }
            }
            else if (_text[_position] == '/' && Peek(1) == '*')
            {
                _position += 2;
                depth++;
            }
            else
            {
                _position++;
            }
        }
    }

    /// <summary><c>$1</c> (a parameter), <c>$tag$…$tag$</c> / <c>$$…$$</c> (a dollar quote), or a lone <c>$</c>.</summary>
    private SqlTokenKind Dollar(SqlPosition start, ref bool unterminated)
    {
        if (IsAsciiDigit(Peek(1)))
        {
            _position++;
            while (_position < _text.Length && IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            return SqlTokenKind.Parameter;
        }

        // The tag follows identifier rules, except that it cannot contain $.
        var tagEnd = _position + 1;
        if (tagEnd < _text.Length && IsIdentifierStart(_text[tagEnd]))
        {
            tagEnd++;
            while (tagEnd < _text.Length && IsIdentifierPart(_text[tagEnd]) && _text[tagEnd] != '$')
            {
                tagEnd++;
            }
        }

        if (tagEnd >= _text.Length || _text[tagEnd] != '$')
        {
            _position++;
            return SqlTokenKind.Other;
        }

        var delimiter = _text.AsSpan(_position, tagEnd + 1 - _position);
        var bodyStart = tagEnd + 1;
        var close = _text.AsSpan(bodyStart).IndexOf(delimiter, StringComparison.Ordinal);
        if (close < 0)
        {
            _position = _text.Length;
            unterminated = true;
            Error($"unterminated dollar-quoted string: no closing {delimiter} for the one opened here", start);
        }
        else
        {
            _position = bodyStart + close + delimiter.Length;
        }

        return SqlTokenKind.DollarString;
    }

    /// <summary>Decimal, hexadecimal (0x), octal (0o) and binary (0b) numbers, with _ separators, fractions and exponents.</summary>
    private void Number()
    {
        if (_text[_position] == '0' && Peek(1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B' && IsDigitOf(Peek(1), Peek(2)))
        {
            var radix = Peek(1);
            _position += 2;
            while (_position < _text.Length && (IsDigitOf(radix, _text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            return;
        }

        Digits();
        // "1..2" is the integer 1 followed by "..", not 1. and .2
        if (Peek(0) == '.' && Peek(1) != '.')
        {
            _position++;
            Digits();
        }

        if (Peek(0) is 'e' or 'E' && (IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            Digits();
        }
    }

    private void Digits()
    {
        while (_position < _text.Length && (IsAsciiDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }
    }

    private void Operator()
    {
        var start = _position;
        while (_position < _text.Length && OperatorChars.Contains(_text[_position]))
        {
            // A comment start ends the operator: "*/*x*/" is * followed by a comment.
            if (_position > start && ((_text[_position] == '-' && Peek(1) == '-') || (_text[_position] == '/' && Peek(1) == '*')))
            {
                break;
            }

            _position++;
        }

        // "=-1" is = followed by -1: a multi-character operator may end in + or - only if it has one of ~!@#%^&|`?.
        var length = _position - start;
        if (length > 1 && _text[_position - 1] is '+' or '-' && _text.AsSpan(start, length).IndexOfAny(OperatorSpecials) < 0)
        {
            while (length > 1 && _text[start + length - 1] is '+' or '-')
            {
                length--;
            }

            _position = start + length;
        }
    }

    private void ToEndOfLine()
    {
        var found = _text.AsSpan(_position).IndexOfAny('\n', '\r');
        _position = found < 0 ? _text.Length : _position + found;
    }

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void Error(string message, SqlPosition at) =>
        _diagnostics.Add(new SqlDiagnostic(SqlDiagnosticSeverity.Error, message, at, _source.File));

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsAsciiDigit(char c) => char.IsAsciiDigit(c);

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c >= '\u0080';

    private static bool IsDigitOf(char radix, char c) => radix switch
    {
        'x' or 'X' => char.IsAsciiHexDigit(c),
        'o' or 'O' => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };
}
