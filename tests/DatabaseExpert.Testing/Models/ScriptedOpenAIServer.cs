using DatabaseExpert.Testing.Models.Internal;

namespace DatabaseExpert.Testing.Models;

/// <summary>
/// A local OpenAI-compatible Chat Completions server (<c>POST /v1/chat/completions</c>) that answers from a script,
/// for end-to-end tests of real OpenAI / Semantic Kernel clients without network or model.
/// </summary>
public sealed class ScriptedOpenAIServer : IScriptedModelServer
{
    private readonly ScriptedModelHost _host;

    private ScriptedOpenAIServer(ScriptedModelHost host)
    {
        _host = host;
        BaseUri = new Uri($"http://127.0.0.1:{host.Port}/v1/");
    }

    /// <summary><c>http://127.0.0.1:PORT/v1/</c>: the endpoint for <c>AddOpenAIChatCompletion</c> or <c>OpenAIClientOptions</c>.</summary>
    public Uri BaseUri { get; }

    public int Port => _host.Port;

    public IReadOnlyList<RecordedRequest> Requests => _host.Requests;

    public int PendingSteps => _host.PendingSteps;

    public static Task<ScriptedOpenAIServer> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(new ScriptedServerOptions(), cancellationToken);

    public static async Task<ScriptedOpenAIServer> StartAsync(ScriptedServerOptions options, CancellationToken cancellationToken) =>
        new(await ScriptedModelHost.StartAsync(new OpenAIProtocol(), options, cancellationToken));

    public void Enqueue(params ModelStep[] steps) => _host.Enqueue(steps);

    public Task<RecordedRequest> WaitForRequestAsync(int sequence, CancellationToken cancellationToken) =>
        _host.WaitForRequestAsync(sequence, cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
