namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>
/// Finds the object a drizzle config exports and reads its literal values: <c>export default defineConfig({ … })</c>,
/// <c>export default { … }</c>, <c>export default config</c> / <c>module.exports = config</c> with
/// <c>const config = { … }</c> (optionally typed or wrapped in defineConfig), and <c>module.exports = { … }</c>.
/// </summary>
internal sealed class ConfigObjectReader
{
    private readonly string _text;
    private readonly List<ScriptToken> _tokens;
    private int _position;

    private ConfigObjectReader(string text)
    {
        _text = text;
        _tokens = ScriptTokenizer.Tokenize(text);
    }

    /// <summary>The exported object, or null when the file exports something dbx cannot follow without running it.</summary>
    public static ConfigObject? Read(string text)
    {
        var reader = new ConfigObjectReader(text);
        var start = reader.FindExportedObject();
        if (start < 0)
        {
            return null;
        }

        reader._position = start;
        return reader.ParseObject();
    }

    private int FindExportedObject()
    {
        var call = FindSequence("defineConfig", "(", "{");
        if (call >= 0)
        {
            return call + 2;
        }

        for (var i = 0; i < _tokens.Count; i++)
        {
            var valueStart = ExportedValueStart(i);
            if (valueStart < 0 || valueStart >= _tokens.Count)
            {
                continue;
            }

            if (_tokens[valueStart].Is("{"))
            {
                return valueStart;
            }

            if (_tokens[valueStart].Kind == ScriptTokenKind.Name)
            {
                return DeclaredObject(_tokens[valueStart].Value);
            }
        }

        return -1;
    }

    /// <summary>Index of the token after <c>export default</c> or <c>module.exports =</c> starting at <paramref name="i"/>.</summary>
    private int ExportedValueStart(int i)
    {
        if (Matches(i, "export", "default"))
        {
            return i + 2;
        }

        return Matches(i, "module", ".", "exports", "=") ? i + 4 : -1;
    }

    private int DeclaredObject(string name)
    {
        for (var i = 0; i + 1 < _tokens.Count; i++)
        {
            if (!(_tokens[i].Is("const") || _tokens[i].Is("let") || _tokens[i].Is("var")) || !_tokens[i + 1].Is(name))
            {
                continue;
            }

            // Skip a type annotation (`: Config`) up to the initializer.
            var j = i + 2;
            while (j < _tokens.Count && !_tokens[j].Is("=") && !_tokens[j].Is(";"))
            {
                j++;
            }

            if (j + 1 < _tokens.Count && _tokens[j].Is("="))
            {
                if (_tokens[j + 1].Is("{"))
                {
                    return j + 1;
                }

                if (Matches(j + 1, "defineConfig", "(", "{"))
                {
                    return j + 3;
                }
            }
        }

        return -1;
    }

    private ConfigObject ParseObject()
    {
        var properties = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var spreads = new List<string>();
        _position++; // {
        while (_position < _tokens.Count && !Current.Is("}"))
        {
            if (Current.Is(","))
            {
                _position++;
                continue;
            }

            if (Current.Is("..."))
            {
                _position++;
                spreads.Add(SkipExpression().Raw);
                continue;
            }

            var key = Current;
            _position++;
            if (key.Kind is ScriptTokenKind.Name or ScriptTokenKind.String && _position < _tokens.Count && Current.Is(":"))
            {
                _position++;
                properties[key.Value] = ParseValue();
            }
            else if (key.Kind == ScriptTokenKind.Name && (_position >= _tokens.Count || Current.Is(",") || Current.Is("}")))
            {
                // Shorthand `{ out }`: the value is a variable.
                properties[key.Value] = new ConfigValue(ConfigValueKind.Expression, key.Value, key.Line);
            }
            else
            {
                // A computed key or a method: its value is not a literal.
                _position--;
                SkipExpression();
            }
        }

        _position++; // }
        return new ConfigObject(properties, spreads);
    }

    private ConfigValue ParseValue()
    {
        var firstIndex = _position;
        var first = Current;
        if (first.Is("{"))
        {
            var value = ParseObject();
            if (AtValueEnd())
            {
                return new ConfigValue(ConfigValueKind.Object, Slice(first, _tokens[_position - 1]), first.Line) { Object = value };
            }
        }
        else if (first.Kind == ScriptTokenKind.String && AtValueEnd(_position + 1))
        {
            _position++;
            return new ConfigValue(ConfigValueKind.String, Slice(first, first), first.Line) { Text = first.Value };
        }
        else if ((first.Is("true") || first.Is("false") || first.Kind == ScriptTokenKind.Number) && AtValueEnd(_position + 1))
        {
            _position++;
            var kind = first.Kind == ScriptTokenKind.Number ? ConfigValueKind.Number : ConfigValueKind.Boolean;
            return new ConfigValue(kind, first.Value, first.Line) { Text = first.Value };
        }
        else if (first.Is("[") && TryStringList(out var items))
        {
            return new ConfigValue(ConfigValueKind.StringList, Slice(first, _tokens[_position - 1]), first.Line) { Items = items };
        }

        _position = firstIndex;
        return SkipExpression();
    }

    private bool TryStringList(out List<string> items)
    {
        items = [];
        var i = _position + 1;
        while (i < _tokens.Count && !_tokens[i].Is("]"))
        {
            if (_tokens[i].Kind == ScriptTokenKind.String)
            {
                items.Add(_tokens[i].Value);
            }
            else if (!_tokens[i].Is(","))
            {
                return false;
            }

            i++;
        }

        if (!AtValueEnd(i + 1))
        {
            return false;
        }

        _position = i + 1;
        return true;
    }

    /// <summary>Skips a value up to the next <c>,</c> or <c>}</c> at this depth and describes it as an expression.</summary>
    private ConfigValue SkipExpression()
    {
        var start = _position;
        var depth = 0;
        while (_position < _tokens.Count)
        {
            var token = Current;
            if (depth == 0 && (token.Is(",") || token.Is("}")))
            {
                break;
            }

            depth += token.Value switch
            {
                "(" or "[" or "{" when token.Kind == ScriptTokenKind.Punctuation => 1,
                ")" or "]" or "}" when token.Kind == ScriptTokenKind.Punctuation => -1,
                _ => 0,
            };
            _position++;
        }

        if (_position == start)
        {
            return new ConfigValue(ConfigValueKind.Expression, "", start < _tokens.Count ? _tokens[start].Line : 0);
        }

        var last = _tokens[_position - 1];
        return new ConfigValue(ConfigValueKind.Expression, Slice(_tokens[start], last), _tokens[start].Line)
        {
            Fallback = FallbackLiteral(start, _position),
        };
    }

    private string? FallbackLiteral(int start, int end)
    {
        if (end - start < 4 || _tokens[end - 1].Kind != ScriptTokenKind.String)
        {
            return null;
        }

        var (a, b) = (_tokens[end - 3], _tokens[end - 2]);
        var isDefaulting = (a.Is("?") && b.Is("?")) || (a.Is("|") && b.Is("|"));
        return isDefaulting ? _tokens[end - 1].Value : null;
    }

    private ScriptToken Current => _tokens[_position];

    private bool AtValueEnd() => AtValueEnd(_position);

    private bool AtValueEnd(int index) => index >= _tokens.Count || _tokens[index].Is(",") || _tokens[index].Is("}");

    private bool Matches(int index, params ReadOnlySpan<string> values)
    {
        if (index + values.Length > _tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < values.Length; k++)
        {
            if (!_tokens[index + k].Is(values[k]))
            {
                return false;
            }
        }

        return true;
    }

    private int FindSequence(params ReadOnlySpan<string> values)
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (Matches(i, values))
            {
                return i;
            }
        }

        return -1;
    }

    private string Slice(ScriptToken first, ScriptToken last) => _text[first.Start..last.End];
}
