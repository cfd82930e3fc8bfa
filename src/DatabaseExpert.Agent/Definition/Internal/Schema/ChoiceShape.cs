using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>One of a fixed set of words, matched exactly; a near miss gets a suggestion.</summary>
internal sealed class ChoiceShape(IReadOnlyList<string> values) : Shape
{
    public override string Expected => $"one of {string.Join(", ", values)}";

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            WrongType(node, path, context);
            return null;
        }

        var value = scalar.Value.Trim();
        if (values.Contains(value, StringComparer.Ordinal))
        {
            return node;
        }

        var suggestion = Suggestions.DidYouMean(value, values);
        context.Diagnostics.Error(DiagnosticCodes.InvalidValue, context.File, node.Position,
            $"`{path}` is `{value}`, which is not {Expected}",
            suggestion is null ? $"use one of {string.Join(", ", values)}" : $"{suggestion} (allowed: {string.Join(", ", values)})");
        return null;
    }
}
