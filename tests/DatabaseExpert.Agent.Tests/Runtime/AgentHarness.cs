using System.Text.Json;
using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Models.Resilience;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Security;
using DatabaseExpert.Agent.Sessions;
using DatabaseExpert.Agent.Tests.Definition;
using DatabaseExpert.Postgres.Connections;
using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>What an <see cref="AgentHarness"/> is built from; every value has a test-friendly default.</summary>
internal sealed record HarnessOptions
{
    /// <summary>Small waits and timeouts so that fault tests take milliseconds, not minutes.</summary>
    public static ModelResilienceOptions FastResilience { get; } = new()
    {
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(2),
        // Generous enough that a loaded CI machine never turns a slow answer into a retry; tests about timeouts set their own.
        AttemptTimeout = TimeSpan.FromSeconds(10),
        OverallTimeout = TimeSpan.FromSeconds(30),
        StreamIdleTimeout = TimeSpan.FromSeconds(10),
    };

    public ModelProvider Provider { get; init; } = ModelProvider.OpenAI;

    public PermissionMode Mode { get; init; } = PermissionMode.Ask;

    public IReadOnlyList<string> BashAllow { get; init; } = [];

    public IReadOnlyList<string> BashDeny { get; init; } = [];

    public int MaxToolRounds { get; init; } = 8;

    public ModelResilienceOptions Resilience { get; init; } = FastResilience;

    /// <summary>The approval prompt; null means a <see cref="RecordingApproval"/> that approves everything.</summary>
    public IApprovalPrompt? Approval { get; init; }

    /// <summary>Environment the transcript's redactor reads its secret values from.</summary>
    public IReadOnlyDictionary<string, string?> SecretEnvironment { get; init; } = TempFolder.NoEnvironment;

    public string ApiKey { get; init; } = "test-key";

    /// <summary>A database for the Postgres tools (the test owns and disposes it); null leaves the Postgres tools out.</summary>
    public LazyDatabase? Database { get; init; }

    /// <summary>Adds the migration tools (lint_migration, trace_migration, review_changes).</summary>
    public bool Migrations { get; init; }

    /// <summary>Replaces the network under the SDK (requests then never reach the scripted server).</summary>
    public HttpMessageHandler? Transport { get; init; }
}

/// <summary>
/// A whole agent wired the way dbx wires it — agent.yaml loaded by the real loader, <see cref="AgentAssembler"/>,
/// <see cref="ModelConnection"/> with the real SK OpenAI connector or the real Anthropic SDK, a JSONL transcript — and
/// pointed at a scripted model server, with a scratch workspace for the file and shell tools.
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    public const string SystemPromptText = "You are a careful test agent.";

    private readonly TempFolder _folder;
    private readonly ModelConnection _connection;
    private readonly SessionTranscript _transcript;

    private AgentHarness(
        HarnessOptions options, TempFolder folder, IScriptedModelServer server, ModelConnection connection,
        AgentRuntime runtime, SessionTranscript transcript)
    {
        Options = options;
        _folder = folder;
        Server = server;
        _connection = connection;
        Runtime = runtime;
        _transcript = transcript;
        Conversation = new Conversation(runtime, transcript);
    }

    public HarnessOptions Options { get; }

    public IScriptedModelServer Server { get; }

    public AgentRuntime Runtime { get; }

    public Conversation Conversation { get; }

    public ModelConnection Connection => _connection;

    public RecordingApproval Approval => Runtime.Approval as RecordingApproval
        ?? throw new InvalidOperationException("this harness was given its own approval prompt");

    public RecordingObserver Observer { get; private set; } = new();

    public string Workspace => _folder.PathOf("work");

    public string SessionsDirectory => _folder.PathOf("sessions");

    public string TranscriptPath => _transcript.FilePath;

    public static async Task<AgentHarness> StartAsync(HarnessOptions options, CancellationToken cancellationToken)
    {
        var folder = new TempFolder();
        IScriptedModelServer? server = null;
        ModelConnection? connection = null;
        try
        {
            server = options.Provider == ModelProvider.Anthropic
                ? await ScriptedAnthropicServer.StartAsync(cancellationToken)
                : await ScriptedOpenAIServer.StartAsync(cancellationToken);
            var spec = new ModelSpec(options.Provider, options.Provider switch
            {
                ModelProvider.Anthropic => "claude-scripted",
                ModelProvider.Azure => "scripted-deployment",
                _ => "gpt-scripted",
            });

            // Azure OpenAI is addressed at the resource root; the SDK adds /openai/deployments/<name>/….
            var endpoint = options.Provider == ModelProvider.Azure ? new Uri(server.BaseUri, "/") : server.BaseUri;
            connection = ModelConnection.Create(spec, new ModelCredentials(options.Provider, options.ApiKey, endpoint), options.Resilience, transport: options.Transport);

            folder.CreateDirectory("work");
            var definition = LoadDefinition(folder, options);
            var runtime = AgentAssembler.Build(new AgentAssemblyOptions
            {
                Definition = definition,
                WorkspaceRoot = folder.PathOf("work"),
                Chat = connection.Chat,
                ModelName = spec.ToString(),
                Approval = options.Approval ?? new RecordingApproval(),
                Database = options.Database ?? new LazyDatabase(null),
            });
            var redactor = SecretRedactor.FromEnvironment(options.SecretEnvironment.Keys, name => options.SecretEnvironment.GetValueOrDefault(name));
            var transcript = SessionTranscript.Create(
                folder.PathOf("sessions"),
                new SessionHeader(SessionStore.NewId(TimeProvider.System), TimeProvider.System.GetUtcNow(), definition.Name, spec.ToString(), folder.PathOf("work")),
                redactor);
            return new AgentHarness(options, folder, server, connection, runtime, transcript);
        }
        catch
        {
            connection?.Dispose();
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            folder.Dispose();
            throw;
        }
    }

    public static Task<AgentHarness> StartAsync(CancellationToken cancellationToken) => StartAsync(new HarnessOptions(), cancellationToken);

    /// <summary>The tool's name on the wire: SK's OpenAI connector joins plugin and function with '-', the IChatClient bridge with '_'.</summary>
    public string Tool(string function, string plugin = "workspace") =>
        Options.Provider == ModelProvider.Anthropic ? $"{plugin}_{function}" : $"{plugin}-{function}";

    public string WriteFile(string relative, string content)
    {
        var path = Path.Combine(Workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string ReadFile(string relative) => File.ReadAllText(Path.Combine(Workspace, relative));

    /// <summary>Runs one turn with a fresh <see cref="Observer"/>.</summary>
    public Task<TurnResult> TurnAsync(string input, CancellationToken cancellationToken)
    {
        Observer = new RecordingObserver();
        return Conversation.RunTurnAsync(input, Observer, cancellationToken);
    }

    /// <summary>The transcript's records, parsed (the writer flushes after every line).</summary>
    public IReadOnlyList<JsonElement> TranscriptRecords() =>
        ReadTranscript().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    public string ReadTranscript()
    {
        using var stream = new FileStream(TranscriptPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        _transcript.Dispose();
        _connection.Dispose();
        await Server.DisposeAsync();
        _folder.Dispose();
    }

    private static AgentDefinition LoadDefinition(TempFolder folder, HarnessOptions options)
    {
        folder.Write("prompts/test.md", $"""
            ---
            name: test-agent
            description: An agent for runtime tests.
            ---

            {SystemPromptText}
            """);
        var yaml = $"""
            name: test-agent
            persona: prompts/test.md
            tools: [Read, Write, Edit, Bash, Glob, Grep{(options.Database is null ? string.Empty : ", Postgres")}{(options.Migrations ? ", Migrations" : string.Empty)}]
            maxToolRounds: {options.MaxToolRounds}
            permissions:
              mode: {options.Mode.ToName()}
              bash:
                allow: {JsonSerializer.Serialize(options.BashAllow)}
                deny: {JsonSerializer.Serialize(options.BashDeny)}
            """;
        var result = AgentDefinitionLoader.Load(folder.Write("agent.yaml", yaml), folder.Root, TempFolder.NoEnvironment);
        return result.Definition ?? throw new InvalidOperationException("test agent.yaml did not load:\n" + string.Join("\n", result.Diagnostics));
    }
}
