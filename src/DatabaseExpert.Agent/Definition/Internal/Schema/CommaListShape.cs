using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>
/// <c>Read, Write, Bash</c> or <c>[Read, Write, Bash]</c>: both become a list whose items keep their own columns.
/// Separators inside parentheses (<c>Bash(git add, git commit)</c>) do not split. With
/// <paramref name="splitOnSpaces"/>, spaces separate items too (the Agent Skills <c>allowed-tools</c> form).
/// </summary>
internal sealed class CommaListShape(bool splitOnSpaces) : Shape
{
    public override string Expected => splitOnSpaces ? "a space-separated string or a list of strings" : "a comma-separated string or a list of strings";

    public override string Example(string key) => $"write `{key}: {(splitOnSpaces ? "a b" : "a, b")}` or `{key}: [a, b]`";

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is YamlSequence)
        {
            return Texts.Check(node, path, context);
        }

        if (node is not YamlScalar { IsNull: false } scalar)
        {
            WrongType(node, path, context);
            return null;
        }

        return new YamlSequence(Split(scalar), scalar.Position);
    }

    private List<YamlNode> Split(YamlScalar scalar)
    {
        var items = new List<YamlNode>();
        var text = scalar.Value;
        var depth = 0;
        var start = 0;
        for (var index = 0; index <= text.Length; index++)
        {
            var atEnd = index == text.Length;
            if (!atEnd)
            {
                depth += text[index] switch { '(' => 1, ')' => depth > 0 ? -1 : 0, _ => 0 };
            }

            if (atEnd || (depth == 0 && (text[index] == ',' || (splitOnSpaces && char.IsWhiteSpace(text[index])))))
            {
                var raw = text[start..index];
                var trimmed = raw.Trim();
                if (trimmed.Length > 0)
                {
                    var offset = start + (raw.Length - raw.TrimStart().Length);
                    var position = scalar.PositionOf(offset);
                    var end = position with { Column = position.Column + trimmed.Length };
                    items.Add(new YamlScalar(trimmed, position, end, YamlDotNet.Core.ScalarStyle.Plain, isNull: false));
                }

                start = index + 1;
            }
        }

        return items;
    }
}
