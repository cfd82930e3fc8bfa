using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>A mapping with free keys (environment variables, headers, server names) and values of one shape.</summary>
internal sealed class DictionaryShape(Shape value) : Shape
{
    public override string Expected => value is TextShape ? "a mapping of names to strings" : $"a mapping of names to {value.Expected}";

    public override string Example(string key) => $"write `{key}:` followed by indented `name: value` lines, or `{key}: {{ name: value }}`";

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is not YamlMapping mapping)
        {
            WrongType(node, path, context);
            return null;
        }

        var entries = new List<YamlEntry>(mapping.Entries.Count);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar { IsInvalid: true } || (entry.Value is YamlScalar { IsNull: true } && value is not TextShape))
            {
                continue;
            }

            var entryValue = entry.Value is YamlScalar { IsNull: true } nullValue ? nullValue.WithValue(string.Empty) : entry.Value;
            if (value.Check(entryValue, $"{path}.{entry.Key.Value}", context) is { } accepted)
            {
                entries.Add(entry with { Value = accepted });
            }
        }

        return new YamlMapping(entries, mapping.Position);
    }
}
