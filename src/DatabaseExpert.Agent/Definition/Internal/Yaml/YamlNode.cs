using YamlDotNet.Core;

namespace DatabaseExpert.Agent.Definition.Internal.Yaml;

/// <summary>
/// A YAML node with its position in the file. Our own small tree (rather than YamlDotNet's representation model)
/// so positions can be offset for frontmatter, duplicate keys reported, and values rewritten by variable expansion.
/// </summary>
internal abstract class YamlNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>What the node is, for "expected X, found Y" messages.</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlScalar(string value, SourcePosition position, SourcePosition end, ScalarStyle style, bool isNull)
    : YamlNode(position)
{
    public string Value { get; } = value;

    public SourcePosition End { get; } = end;

    public ScalarStyle Style { get; } = style;

    /// <summary>An explicit or implicit YAML null (<c>key:</c>, <c>~</c>, <c>null</c>).</summary>
    public bool IsNull { get; } = isNull;

    /// <summary>Null, or text that is empty (for example after <c>${VAR:-}</c> expansion).</summary>
    public bool IsEmpty => IsNull || Value.Length == 0;

    /// <summary>Set when the value could not be produced (a malformed <c>${…}</c>): already reported, so checks skip it.</summary>
    public bool IsInvalid { get; private init; }

    public override string KindName => IsNull ? "empty" : "a single value";

    public YamlScalar WithValue(string value) => new(value, Position, End, Style, isNull: false);

    public YamlScalar AsInvalid() => new(Value, Position, End, Style, IsNull) { IsInvalid = true };

    /// <summary>
    /// The position of the character at <paramref name="offset"/> in <see cref="Value"/>. Exact for one-line scalars
    /// written without escapes; otherwise the scalar's own position.
    /// </summary>
    public SourcePosition PositionOf(int offset)
    {
        var quote = Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        var exact = (Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
            && Position.Line == End.Line
            && End.Column - Position.Column - (2 * quote) == Value.Length;
        return exact ? new SourcePosition(Position.Line, Position.Column + quote + offset) : Position;
    }
}

internal sealed class YamlSequence(IReadOnlyList<YamlNode> items, SourcePosition position) : YamlNode(position)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindName => "a list";
}

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);

internal sealed class YamlMapping(IReadOnlyList<YamlEntry> entries, SourcePosition position) : YamlNode(position)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public override string KindName => "a mapping";

    public YamlEntry? Entry(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal));

    public YamlNode? Get(string key) => Entry(key)?.Value;

    public YamlScalar? Scalar(string key) => Get(key) as YamlScalar;

    public YamlSequence? Sequence(string key) => Get(key) as YamlSequence;

    public YamlMapping? Mapping(string key) => Get(key) as YamlMapping;

    /// <summary>The scalar items of a list value; null when the key is absent.</summary>
    public IReadOnlyList<YamlScalar>? Scalars(string key) => Sequence(key)?.Items.OfType<YamlScalar>().ToList();
}
