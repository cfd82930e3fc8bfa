using System.Buffers;
using System.Globalization;
using System.Text;

namespace DatabaseExpert.Postgres.Sql.Internal;

/// <summary>Turns a token's text into what the server reads: folded names, unescaped strings, dollar-quote bodies.</summary>
internal static class TokenDecoder
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static string? Decode(SqlToken token, char unicodeEscape)
    {
        var text = token.Span;
        return token.Kind switch
        {
            SqlTokenKind.Identifier => FoldCase(text),
            SqlTokenKind.QuotedIdentifier => Undouble(Inside(text, 1, '"', token.IsUnterminated), '"'),
            SqlTokenKind.UnicodeIdentifier => Unicode(Undouble(Inside(text, 3, '"', token.IsUnterminated), '"'), unicodeEscape),
            SqlTokenKind.StandardString => Undouble(Inside(text, text[0] == '\'' ? 1 : 2, '\'', token.IsUnterminated), '\''),
            SqlTokenKind.EscapeString => Backslashes(Inside(text, 2, '\'', token.IsUnterminated)),
            SqlTokenKind.UnicodeString => Unicode(Undouble(Inside(text, 3, '\'', token.IsUnterminated), '\''), unicodeEscape),
            SqlTokenKind.BitString or SqlTokenKind.HexString => Inside(text, 2, '\'', token.IsUnterminated).ToString(),
            SqlTokenKind.DollarString => DollarBody(text, token.IsUnterminated),
            _ => text.ToString(),
        };
    }

    /// <summary>PostgreSQL folds unquoted names to lower case, ASCII letters only.</summary>
    private static string FoldCase(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyInRange('A', 'Z'))
        {
            return text.ToString();
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });
    }

    private static ReadOnlySpan<char> Inside(ReadOnlySpan<char> text, int prefix, char quote, bool unterminated)
    {
        var end = !unterminated && text.Length > prefix && text[^1] == quote ? text.Length - 1 : text.Length;
        return prefix <= end ? text[prefix..end] : [];
    }

    private static string Undouble(ReadOnlySpan<char> inner, char quote)
    {
        Span<char> doubled = [quote, quote];
        return inner.IndexOf(doubled) < 0 ? inner.ToString() : inner.ToString().Replace(new string(quote, 2), new string(quote, 1), StringComparison.Ordinal);
    }

    private static string DollarBody(ReadOnlySpan<char> text, bool unterminated)
    {
        var tagLength = text[1..].IndexOf('$') + 2;
        var end = unterminated ? text.Length : text.Length - tagLength;
        return end >= tagLength ? text[tagLength..end].ToString() : string.Empty;
    }

    /// <summary>The escapes of <c>E'…'</c>: <c>\b \f \n \r \t</c>, octal, <c>\xhh</c>, <c>\uXXXX</c>, <c>\UXXXXXXXX</c>, <c>''</c>, and any other escaped character as itself.</summary>
    private static string? Backslashes(ReadOnlySpan<char> inner)
    {
        if (inner.IndexOfAny('\\', '\'') < 0)
        {
            return inner.ToString();
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\'' && i + 1 < inner.Length && inner[i + 1] == '\'')
            {
                builder.Append('\'');
                i++;
                continue;
            }

            if (c != '\\' || i + 1 >= inner.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = inner[++i];
            switch (e)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case >= '0' and <= '7':
                    var octal = Take(inner, i, 3, static ch => ch is >= '0' and <= '7');
                    builder.Append((char)(Convert.ToInt32(octal.ToString(), 8) & 0xFF));
                    i += octal.Length - 1;
                    break;
                case 'x' when i + 1 < inner.Length && char.IsAsciiHexDigit(inner[i + 1]):
                    var hex = Take(inner, i + 1, 2, char.IsAsciiHexDigit);
                    builder.Append((char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += hex.Length;
                    break;
                case 'u' or 'U':
                    var digits = e == 'u' ? 4 : 8;
                    if (i + digits >= inner.Length || !AllHex(inner.Slice(i + 1, digits), digits)
                        || !AppendCodePoint(builder, int.Parse(inner.Slice(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
                    {
                        return null;
                    }

                    i += digits;
                    break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The escapes of <c>U&amp;'…'</c> and <c>U&amp;"…"</c>: <c>\XXXX</c>, <c>\+XXXXXX</c>, and a doubled escape character.</summary>
    private static string? Unicode(string inner, char escape)
    {
        if (!inner.Contains(escape, StringComparison.Ordinal))
        {
            return inner;
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != escape)
            {
                builder.Append(inner[i]);
                continue;
            }

            if (i + 1 < inner.Length && inner[i + 1] == escape)
            {
                builder.Append(escape);
                i++;
                continue;
            }

            var plus = i + 1 < inner.Length && inner[i + 1] == '+';
            var digits = plus ? 6 : 4;
            var first = i + (plus ? 2 : 1);
            if (first + digits > inner.Length || !AllHex(inner.AsSpan(first, digits), digits)
                || !AppendCodePoint(builder, int.Parse(inner.AsSpan(first, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            {
                return null;
            }

            i = first + digits - 1;
        }

        return builder.ToString();
    }

    private static bool AllHex(ReadOnlySpan<char> text, int expected) => text.Length == expected && !text.ContainsAnyExcept(HexDigits);

    private static bool AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint is 0 or > 0x10FFFF)
        {
            return false;
        }

        // A surrogate half is kept as is: a pair written as two escapes joins up in the builder.
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            builder.Append((char)codePoint);
            return true;
        }

        builder.Append(char.ConvertFromUtf32(codePoint));
        return true;
    }

    private static ReadOnlySpan<char> Take(ReadOnlySpan<char> text, int start, int max, Func<char, bool> accept)
    {
        var length = 0;
        while (length < max && start + length < text.Length && accept(text[start + length]))
        {
            length++;
        }

        return text.Slice(start, length);
    }
}
