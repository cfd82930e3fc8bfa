using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Azure.AI.OpenAI;
using DatabaseExpert.Agent.Models.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace DatabaseExpert.Agent.Models;

/// <summary>
/// One configured model endpoint behind Semantic Kernel's <see cref="IChatCompletionService"/> seam. OpenAI and Azure go
/// through SK's own connectors; Anthropic goes through the official SDK's <see cref="IChatClient"/> with SK's
/// function-invoking pipeline, so tool calls and approval filters behave the same for every provider.
/// </summary>
public sealed class ModelConnection : IDisposable
{
    private readonly HttpClient _http;

    private ModelConnection(ModelSpec spec, IChatCompletionService chat, HttpClient http, ModelResilienceHandler handler, Uri? endpoint)
    {
        Spec = spec;
        Chat = chat;
        _http = http;
        Handler = handler;
        Endpoint = endpoint;
    }

    public ModelSpec Spec { get; }

    public IChatCompletionService Chat { get; }

    public ModelResilienceHandler Handler { get; }

    /// <summary>The custom endpoint, when one is configured (never includes credentials).</summary>
    public Uri? Endpoint { get; }

    /// <summary>Largest answer requested per call from providers that require a limit (Anthropic).</summary>
    public const int DefaultMaxOutputTokens = 8192;

    private const string AnthropicDefaultBaseUrl = "https://api.anthropic.com";

    public static ModelConnection Create(
        ModelSpec spec,
        ModelCredentials credentials,
        ModelResilienceOptions? resilience = null,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? transport = null)
    {
        if (credentials.MissingExplanation() is { } missing)
        {
            throw new ModelConfigurationException($"{spec} cannot be used: {missing}");
        }

        var provider = ModelSpec.ProviderPrefix(spec.Provider);
        var handler = new ModelResilienceHandler(provider, resilience ?? new ModelResilienceOptions(), timeProvider, transport);
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var chat = spec.Provider switch
            {
                ModelProvider.OpenAI => CreateOpenAI(spec, credentials, http),
                ModelProvider.Azure => CreateAzure(spec, credentials, http),
                ModelProvider.Anthropic => CreateAnthropic(spec, credentials, http),
                _ => throw new ArgumentOutOfRangeException(nameof(spec)),
            };
            return new ModelConnection(spec, chat, http, handler, credentials.Endpoint);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private static OpenAIChatCompletionService CreateOpenAI(ModelSpec spec, ModelCredentials credentials, HttpClient http)
    {
        var options = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        if (credentials.Endpoint is not null)
        {
            options.Endpoint = credentials.Endpoint;
        }

        // Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) accept any key; the SDK insists on one.
        var client = new OpenAIClient(new ApiKeyCredential(credentials.ApiKey ?? "no-key"), options);
        return new OpenAIChatCompletionService(spec.ModelId, client);
    }

    private static AzureOpenAIChatCompletionService CreateAzure(ModelSpec spec, ModelCredentials credentials, HttpClient http)
    {
        var options = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        var client = new AzureOpenAIClient(credentials.Endpoint!, new ApiKeyCredential(credentials.ApiKey!), options);
        return new AzureOpenAIChatCompletionService(spec.ModelId, client);
    }

    private static IChatCompletionService CreateAnthropic(ModelSpec spec, ModelCredentials credentials, HttpClient http)
    {
        var client = new AnthropicClient
        {
            ApiKey = credentials.ApiKey!,
            MaxRetries = 0,
            HttpClient = http,
            Timeout = Timeout.InfiniteTimeSpan,
            BaseUrl = credentials.Endpoint?.ToString().TrimEnd('/') ?? AnthropicDefaultBaseUrl,
        };

        return client.AsIChatClient(spec.ModelId, DefaultMaxOutputTokens)
            .AsBuilder()
            .UseKernelFunctionInvocation()
            .Build()
            .AsChatCompletionService();
    }
}
