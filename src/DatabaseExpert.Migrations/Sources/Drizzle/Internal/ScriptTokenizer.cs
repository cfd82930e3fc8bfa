using System.Text;

namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>
/// Just enough of a JavaScript/TypeScript lexer to read a config object literal: comments, the three kinds of quotes
/// (template literals included) and names. Regular expression literals are not recognised: configs do not use them.
/// </summary>
internal static class ScriptTokenizer
{
    public static List<ScriptToken> Tokenize(string text)
    {
        var tokens = new List<ScriptToken>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && At(text, i + 1) == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                line += Lines(text, i, end);
                i = end;
            }
            else if (c is '\'' or '"' or '`')
            {
                var start = i;
                var (value, end, interpolated) = ReadQuoted(text, i);
                var kind = interpolated ? ScriptTokenKind.Template : ScriptTokenKind.String;
                tokens.Add(new ScriptToken(kind, value, start, end, line));
                line += Lines(text, start, end);
                i = end;
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                {
                    i++;
                }

                tokens.Add(new ScriptToken(ScriptTokenKind.Name, text[start..i], start, i, line));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                {
                    i++;
                }

                tokens.Add(new ScriptToken(ScriptTokenKind.Number, text[start..i], start, i, line));
            }
            else
            {
                var length = c == '.' && At(text, i + 1) == '.' && At(text, i + 2) == '.' ? 3 : 1;
                tokens.Add(new ScriptToken(ScriptTokenKind.Punctuation, text.Substring(i, length), i, i + length, line));
                i += length;
            }
        }

        return tokens;
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static int Lines(string text, int start, int end) => text.AsSpan(start, end - start).Count('\n');

    private static (string Value, int End, bool Interpolated) ReadQuoted(string text, int start)
    {
        var quote = text[start];
        var value = new StringBuilder();
        var interpolated = false;
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                value.Append(Unescape(text[i + 1]));
                i += 2;
            }
            else if (quote == '`' && text[i] == '$' && At(text, i + 1) == '{')
            {
                interpolated = true;
                i = SkipInterpolation(text, i + 2);
            }
            else
            {
                value.Append(text[i]);
                i++;
            }
        }

        return (value.ToString(), Math.Min(i + 1, text.Length), interpolated);
    }

    private static int SkipInterpolation(string text, int i)
    {
        var depth = 1;
        while (i < text.Length && depth > 0)
        {
            depth += text[i] switch
            {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            i++;
        }

        return i;
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        _ => c,
    };
}
