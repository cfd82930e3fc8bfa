using System.Globalization;
using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

internal sealed class ListShape(Shape item) : Shape
{
    public override string Expected => item is TextShape ? "a list of strings" : $"a list of {item.Expected}";

    public override string Example(string key) => $"write a YAML list: `{key}: [a, b]`, or one `- item` per line";

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is not YamlSequence sequence)
        {
            WrongType(node, path, context);
            return null;
        }

        var items = new List<YamlNode>(sequence.Items.Count);
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            if (sequence.Items[index] is YamlScalar { IsInvalid: true })
            {
                continue;
            }

            if (item.Check(sequence.Items[index], string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), context) is { } accepted)
            {
                items.Add(accepted);
            }
        }

        return new YamlSequence(items, sequence.Position);
    }
}
