using DatabaseExpert.Testing.Models.Internal;

namespace DatabaseExpert.Testing.Models;

/// <summary>
/// A local Anthropic Messages API server (<c>POST /v1/messages</c>) that answers from a script, for end-to-end
/// tests of the real Anthropic SDK (and its <c>IChatClient</c> adapter) without network or model.
/// </summary>
public sealed class ScriptedAnthropicServer : IScriptedModelServer
{
    private readonly ScriptedModelHost _host;

    private ScriptedAnthropicServer(ScriptedModelHost host)
    {
        _host = host;
        BaseUri = new Uri($"http://127.0.0.1:{host.Port}");
    }

    /// <summary><c>http://127.0.0.1:PORT</c>: the SDK's <c>BaseUrl</c> (it appends <c>/v1/messages</c> itself).</summary>
    public Uri BaseUri { get; }

    public int Port => _host.Port;

    public IReadOnlyList<RecordedRequest> Requests => _host.Requests;

    public int PendingSteps => _host.PendingSteps;

    public static Task<ScriptedAnthropicServer> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(new ScriptedServerOptions(), cancellationToken);

    public static async Task<ScriptedAnthropicServer> StartAsync(ScriptedServerOptions options,
        CancellationToken cancellationToken) =>
        new(await ScriptedModelHost.StartAsync(new AnthropicProtocol(), options, cancellationToken));

    /// <summary>Appends steps; throws at once when a tool call's arguments are not a JSON object.</summary>
    public void Enqueue(params ModelStep[] steps) => _host.Enqueue(steps);

    public Task<RecordedRequest> WaitForRequestAsync(int sequence, CancellationToken cancellationToken) =>
        _host.WaitForRequestAsync(sequence, cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
