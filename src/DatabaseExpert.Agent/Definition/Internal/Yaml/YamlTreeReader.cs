using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DatabaseExpert.Agent.Definition.Internal.Yaml;

/// <summary>
/// Parses one YAML document into a <see cref="YamlNode"/> tree. Syntax errors become diagnostics at the file
/// position (the line offset shifts lines, for frontmatter that starts below line 1).
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly string _text;
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Parser _parser;
    private SourcePosition _lastPosition = SourcePosition.Start;

    private YamlTreeReader(string text, string file, int lineOffset, DiagnosticBag diagnostics)
    {
        _text = text;
        _file = file;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
        _parser = new Parser(new StringReader(text));
    }

    public static YamlParseResult Read(string text, string file, int lineOffset, DiagnosticBag diagnostics) =>
        new YamlTreeReader(text, file, lineOffset, diagnostics).Read();

    private YamlParseResult Read()
    {
        var errorsBefore = _diagnostics.ErrorCount;
        try
        {
            Next<StreamStart>();
            if (_parser.TryConsume<StreamEnd>(out _))
            {
                return new YamlParseResult(true, null);
            }

            Next<DocumentStart>();
            var root = ReadNode();
            Next<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var second))
            {
                _diagnostics.Error(DiagnosticCodes.YamlSyntax, _file, Position(second.Start),
                    "a second YAML document starts here; the file must hold exactly one",
                    "remove this `---` line and what follows, or merge it into the first document");
                return new YamlParseResult(false, null);
            }

            return new YamlParseResult(_diagnostics.ErrorCount == errorsBefore, root is YamlScalar { IsNull: true } ? null : root);
        }
        catch (YamlException exception)
        {
            var (at, message, help) = YamlErrorTranslator.Translate(exception, _text, _lineOffset);
            _diagnostics.Error(DiagnosticCodes.YamlSyntax, _file, at, message, help);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some unbalanced flow collections.
            _diagnostics.Error(DiagnosticCodes.YamlSyntax, _file, _lastPosition,
                "the YAML parser gave up after this point: a `[` or `{` is probably never closed",
                "check brackets, braces and quotes from here on");
        }

        return new YamlParseResult(false, null);
    }

    private YamlNode ReadNode()
    {
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            Track(scalar);
            return Register(scalar, ToScalar(scalar));
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            Track(sequenceStart);
            var items = new List<YamlNode>();
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode());
            }

            return Register(sequenceStart, new YamlSequence(items, Position(sequenceStart.Start)));
        }

        if (_parser.TryConsume<MappingStart>(out var mappingStart))
        {
            Track(mappingStart);
            return Register(mappingStart, ReadMapping(mappingStart));
        }

        var alias = Next<AnchorAlias>();
        if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            return anchored;
        }

        _diagnostics.Error(DiagnosticCodes.YamlSyntax, _file, Position(alias.Start),
            $"`*{alias.Value}` refers to an anchor `&{alias.Value}` that is not defined before it",
            "define the anchor earlier in the file, or write the value out");
        return new YamlScalar(string.Empty, Position(alias.Start), Position(alias.End), ScalarStyle.Plain, isNull: true);
    }

    private YamlMapping ReadMapping(MappingStart start)
    {
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode();
            var value = ReadNode();
            if (keyNode is not YamlScalar key || key.IsNull)
            {
                _diagnostics.Error(DiagnosticCodes.YamlSyntax, _file, keyNode.Position,
                    "a key must be plain text", "write keys as `name: value`");
                continue;
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateKey, _file, key.Position,
                    $"`{key.Value}` is already set on line {first.Line}",
                    "keep one of the two; YAML does not merge repeated keys");
                continue;
            }

            seen[key.Value] = key.Position;
            entries.Add(new YamlEntry(key, value));
        }

        return new YamlMapping(entries, Position(start.Start));
    }

    private YamlScalar ToScalar(Scalar scalar)
    {
        var isNull = scalar.Style == ScalarStyle.Plain
            && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
        return new YamlScalar(scalar.Value, Position(scalar.Start), Position(scalar.End), scalar.Style, isNull);
    }

    private TNode Register<TNode>(NodeEvent node, TNode value)
        where TNode : YamlNode
    {
        if (!node.Anchor.IsEmpty)
        {
            _anchors[node.Anchor.Value] = value;
        }

        return value;
    }

    private T Next<T>()
        where T : ParsingEvent
    {
        var parsingEvent = _parser.Consume<T>();
        Track(parsingEvent);
        return parsingEvent;
    }

    private void Track(ParsingEvent parsingEvent) => _lastPosition = Position(parsingEvent.Start);

    private SourcePosition Position(Mark mark) => new((int)mark.Line + _lineOffset, (int)mark.Column);
}
