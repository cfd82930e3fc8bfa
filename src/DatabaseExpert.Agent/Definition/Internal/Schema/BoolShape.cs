using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

internal sealed class BoolShape : Shape
{
    public override string Expected => "true or false";

    public override string Example(string key) => $"write `{key}: true` or `{key}: false`";

    public static bool IsTrue(YamlScalar scalar) => scalar.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is YamlScalar { IsNull: false } scalar
            && (scalar.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)
                || scalar.Value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase)))
        {
            return node;
        }

        if (node is YamlScalar { IsNull: false } other)
        {
            context.Diagnostics.Error(DiagnosticCodes.WrongType, context.File, node.Position,
                $"`{path}` must be true or false, not `{other.Value}`", Example(LastSegment(path)));
            return null;
        }

        WrongType(node, path, context);
        return null;
    }
}
