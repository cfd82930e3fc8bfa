using System.Diagnostics.CodeAnalysis;

namespace DatabaseExpert.Agent.Models;

/// <summary>A parsed model reference such as <c>anthropic:sonnet</c> or <c>openai:gpt-4.1</c>.</summary>
public sealed record ModelSpec(ModelProvider Provider, string ModelId)
{
    /// <summary>
    /// Short names for Anthropic's current models, as listed by the Anthropic SDK 13.13.0 (the newest of each family).
    /// A bare alias (no provider) means Anthropic, which is how Claude Code sub-agent files name models.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> AnthropicAliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sonnet"] = "claude-sonnet-5-5",
        ["opus"] = "claude-opus-5-5",
        ["haiku"] = "claude-haiku-5-5",
    };

    public override string ToString() => $"{ProviderPrefix(Provider)}:{ModelId}";

    public static string ProviderPrefix(ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => "anthropic",
        ModelProvider.OpenAI => "openai",
        ModelProvider.Azure => "azure",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Parses <c>provider:model</c>, a bare Anthropic alias, or a bare <c>claude-…</c> id.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ModelSpec? spec, out string? error)
    {
        spec = null;
        error = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            error = "the model is empty";
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            if (AnthropicAliases.TryGetValue(value, out var aliased))
            {
                spec = new ModelSpec(ModelProvider.Anthropic, aliased);
                return true;
            }

            if (value.StartsWith("claude-", StringComparison.OrdinalIgnoreCase))
            {
                spec = new ModelSpec(ModelProvider.Anthropic, value);
                return true;
            }

            error = $"'{value}' names no provider; write it as anthropic:<model>, openai:<model> or azure:<deployment> "
                + "(aliases: sonnet, opus, haiku)";
            return false;
        }

        var prefix = value[..colon].Trim().ToLowerInvariant();
        var model = value[(colon + 1)..].Trim();
        ModelProvider? provider = prefix switch
        {
            "anthropic" or "claude" => ModelProvider.Anthropic,
            "openai" => ModelProvider.OpenAI,
            "azure" or "azure-openai" => ModelProvider.Azure,
            _ => null,
        };
        if (provider is null)
        {
            error = $"unknown model provider '{prefix}' in '{value}'; use anthropic:, openai: or azure:";
            return false;
        }

        if (model.Length == 0)
        {
            error = $"'{value}' names no model after the provider; for example {prefix}:"
                + (provider == ModelProvider.Anthropic ? "sonnet" : provider == ModelProvider.OpenAI ? "gpt-4.1" : "<deployment-name>");
            return false;
        }

        if (provider == ModelProvider.Anthropic && AnthropicAliases.TryGetValue(model, out var id))
        {
            model = id;
        }

        spec = new ModelSpec(provider.Value, model);
        return true;
    }
}
