using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>A short form (a single value) or a long form (a mapping), such as <c>prod: url</c> or <c>prod: {url, readOnly}</c>.</summary>
internal sealed class ScalarOrMapShape(Shape scalar, Shape map) : Shape
{
    public override string Expected => $"{scalar.Expected} or {map.Expected}";

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context) =>
        node is YamlMapping ? map.Check(node, path, context) : scalar.Check(node, path, context);
}
