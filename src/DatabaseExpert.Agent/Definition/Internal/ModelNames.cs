using DatabaseExpert.Agent.Definition.Internal.Yaml;
using DatabaseExpert.Agent.Models;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Checks a model setting with the same parser the model factory uses, so a bad name fails at load time.</summary>
internal static class ModelNames
{
    public const string Inherit = "inherit";
    public const string McpHost = "mcp-host";

    /// <summary>The model to record: the value as written, or null for <c>inherit</c> (no preference) and for invalid values.</summary>
    public static string? Check(YamlScalar model, string file, DiagnosticBag diagnostics)
    {
        var value = model.Value.Trim();
        if (value.Equals(Inherit, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (value.Equals(McpHost, StringComparison.OrdinalIgnoreCase) || ModelSpec.TryParse(value, out _, out var error))
        {
            return value;
        }

        diagnostics.Error(DiagnosticCodes.InvalidModel, file, model.Position, error ?? $"`{value}` is not a model dbx can use",
            "examples: anthropic:sonnet, openai:gpt-4.1, azure:<deployment>, sonnet, opus, haiku, inherit, mcp-host");
        return null;
    }
}
