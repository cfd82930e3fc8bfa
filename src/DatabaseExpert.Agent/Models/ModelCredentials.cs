namespace DatabaseExpert.Agent.Models;

/// <summary>The environment a provider needs, read once. Values are secrets: never log or print <see cref="ApiKey"/>.</summary>
public sealed record ModelCredentials(ModelProvider Provider, string? ApiKey, Uri? Endpoint)
{
    public const string AnthropicKey = "ANTHROPIC_API_KEY";
    public const string AnthropicBaseUrl = "ANTHROPIC_BASE_URL";
    public const string OpenAIKey = "OPENAI_API_KEY";
    public const string OpenAIBaseUrl = "OPENAI_BASE_URL";
    public const string AzureKey = "AZURE_OPENAI_API_KEY";
    public const string AzureEndpoint = "AZURE_OPENAI_ENDPOINT";

    /// <summary>Names of every environment variable that holds a model secret (scrubbed from logs and child processes).</summary>
    public static readonly IReadOnlyList<string> SecretVariables = [AnthropicKey, OpenAIKey, AzureKey, "CONTEXT7_API_KEY"];

    public static string KeyVariable(ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => AnthropicKey,
        ModelProvider.OpenAI => OpenAIKey,
        ModelProvider.Azure => AzureKey,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static string? EndpointVariable(ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => AnthropicBaseUrl,
        ModelProvider.OpenAI => OpenAIBaseUrl,
        ModelProvider.Azure => AzureEndpoint,
        _ => null,
    };

    /// <summary>
    /// True when a call can be attempted: a key is set, or (OpenAI-compatible) a custom base URL is set, since local
    /// servers such as Ollama or LM Studio need no key.
    /// </summary>
    public bool IsUsable => Provider switch
    {
        ModelProvider.OpenAI => !string.IsNullOrEmpty(ApiKey) || Endpoint is not null,
        ModelProvider.Azure => !string.IsNullOrEmpty(ApiKey) && Endpoint is not null,
        _ => !string.IsNullOrEmpty(ApiKey),
    };

    /// <summary>What is missing, as a sentence with the fix; null when usable.</summary>
    public string? MissingExplanation() => Provider switch
    {
        _ when IsUsable => null,
        ModelProvider.Azure when Endpoint is null =>
            $"{AzureEndpoint} is not set: export {AzureEndpoint}=https://<resource>.openai.azure.com and {AzureKey}=<key>",
        ModelProvider.Azure => $"{AzureKey} is not set: export {AzureKey}=<key>",
        ModelProvider.OpenAI =>
            $"{OpenAIKey} is not set: export {OpenAIKey}=sk-… (or {OpenAIBaseUrl}=http://localhost:11434/v1 for a local server)",
        _ => $"{AnthropicKey} is not set: export {AnthropicKey}=sk-ant-…",
    };

    public static ModelCredentials FromEnvironment(ModelProvider provider, Func<string, string?> getVariable)
    {
        var key = getVariable(KeyVariable(provider));
        var endpointVariable = EndpointVariable(provider);
        var endpointText = endpointVariable is null ? null : getVariable(endpointVariable);
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(endpointText))
        {
            if (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out endpoint)
                || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new ModelConfigurationException(
                    $"{endpointVariable}='{endpointText}' is not an http(s) URL; for example http://localhost:11434/v1");
            }
        }

        return new ModelCredentials(provider, string.IsNullOrWhiteSpace(key) ? null : key.Trim(), endpoint);
    }
}
