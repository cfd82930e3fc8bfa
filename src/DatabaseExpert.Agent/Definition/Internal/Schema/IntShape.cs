using System.Globalization;
using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

internal sealed class IntShape(int min, int max) : Shape
{
    public override string Expected => $"a whole number from {min} to {max}";

    public override string Example(string key) => $"write a number, for example `{key}: {Math.Clamp(24, min, max)}`";

    public static int Value(YamlScalar scalar) => int.Parse(scalar.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            WrongType(node, path, context);
            return null;
        }

        if (!long.TryParse(scalar.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            context.Diagnostics.Error(DiagnosticCodes.WrongType, context.File, node.Position,
                $"`{path}` must be {Expected}, not `{scalar.Value}`", Example(LastSegment(path)));
            return null;
        }

        if (value < min || value > max)
        {
            context.Diagnostics.Error(DiagnosticCodes.OutOfRange, context.File, node.Position,
                $"`{path}` is {value}, outside the allowed range {min}..{max}", $"use a value from {min} to {max}");
            return null;
        }

        return node;
    }
}
