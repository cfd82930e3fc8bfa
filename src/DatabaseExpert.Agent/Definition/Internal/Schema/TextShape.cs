using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

internal sealed class TextShape : Shape
{
    public override string Expected => "a string";

    public override string Example(string key) => $"write a single value, for example `{key}: value`";

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is YamlScalar { IsNull: false })
        {
            return node;
        }

        WrongType(node, path, context);
        return null;
    }
}
