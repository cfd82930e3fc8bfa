using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

internal sealed class AnyShape : Shape
{
    public override string Expected => "any value";

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context) => node;
}
