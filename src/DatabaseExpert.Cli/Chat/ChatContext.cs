using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Models.Resilience;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Security;
using DatabaseExpert.Agent.Sessions;
using DatabaseExpert.Postgres.Connections;

namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// A ready chat: definition, model connection, runtime, conversation and transcript. Both <c>dbx chat</c> and
/// <c>dbx chat -p</c> start from here; the REPL can swap the model or the session while keeping the rest.
/// </summary>
public sealed class ChatContext : IAsyncDisposable
{
    private ChatContext(CliHost host, ChatOptions options, AgentDefinition definition, SecretRedactor redactor, IApprovalPrompt approval)
    {
        Host = host;
        Options = options;
        Definition = definition;
        Redactor = redactor;
        Approval = approval;
        Mode = options.PermissionMode ?? definition.Permissions.Mode;
    }

    public CliHost Host { get; }

    public ChatOptions Options { get; }

    public AgentDefinition Definition { get; }

    public SecretRedactor Redactor { get; }

    public IApprovalPrompt Approval { get; }

    public PermissionMode Mode { get; private set; }

    public ModelResolution Model { get; private set; } = null!;

    public ModelConnection Connection { get; private set; } = null!;

    public AgentRuntime Runtime { get; private set; } = null!;

    public Conversation Conversation { get; private set; } = null!;

    public SessionTranscript Transcript { get; private set; } = null!;

    /// <summary>The database the Postgres tools use (from --db, agent.yaml or DATABASE_URL), opened on first use.</summary>
    public LazyDatabase Database { get; private init; } = new(null);

    public string SessionDirectory => SessionStore.DefaultDirectory(Options.Workspace);

    /// <summary>Loads everything; throws <see cref="CliException"/> with the fix when something is missing.</summary>
    public static ChatContext Create(CliHost host, ChatOptions options, IApprovalPrompt approval)
    {
        var loaded = host.LoadAgent(options.AgentPath);
        if (!loaded.Succeeded || loaded.Definition is null)
        {
            foreach (var error in loaded.Errors)
            {
                host.Error.WriteLine(error.ToDisplayString(host.WorkingDirectory));
            }

            throw new CliException("the agent definition has errors (see above); `dbx agent validate` lists them all");
        }

        var definition = loaded.Definition;
        var resolution = ModelResolution.Resolve(options.Model, definition, host.GetVariable);
        if (!resolution.IsUsable)
        {
            host.Error.WriteLine(NoModelScreen.Render(resolution));
            throw new CliException($"no model is ready: {resolution.Problem}");
        }

        var context = new ChatContext(host, options, definition, CreateRedactor(host, definition), approval)
        {
            Database = ResolveDatabase(host, options, definition),
        };
        context.Connect(resolution);
        if (options.Resume is null)
        {
            context.StartNewSession();
        }
        else
        {
            context.ResumeSession(options.Resume);
        }

        return context;
    }

    /// <summary>Switches to another model; the conversation carries over.</summary>
    public void SwitchModel(string model)
    {
        var resolution = ModelResolution.Resolve(model, Definition, Host.GetVariable);
        if (!resolution.IsUsable)
        {
            throw new CliException($"cannot switch to {model}: {resolution.Problem}");
        }

        var old = Connection;
        Connect(resolution);
        old.Dispose();
    }

    public void SetMode(PermissionMode mode)
    {
        Mode = mode;
        Runtime.Policy.Mode = mode;
    }

    public void ResumeSession(string id)
    {
        string path;
        LoadedSession loaded;
        try
        {
            path = SessionStore.Find(SessionDirectory, id);
            loaded = SessionStore.Load(path);
        }
        catch (SessionFormatException ex)
        {
            throw new CliException(ex.Message);
        }

        if (Transcript is not null && Transcript.FilePath == path)
        {
            Transcript.Dispose();
        }
        else
        {
            CloseTranscript();
        }

        Transcript = SessionTranscript.Append(path, loaded.Summary.Id, Redactor, Host.Time);
        Conversation = new Conversation(Runtime, Transcript, loaded.History, loaded.Usage);
    }

    public void StartNewSession()
    {
        CloseTranscript();
        EnsureIgnored(Path.Combine(Options.Workspace, ".dbx"));
        var header = new SessionHeader(
            SessionStore.NewId(Host.Time), Host.Time.GetUtcNow(), Definition.Name, Connection.Spec.ToString(), Options.Workspace);
        Transcript = SessionTranscript.Create(SessionDirectory, header, Redactor, Host.Time);
        Conversation = new Conversation(Runtime, Transcript);
    }

    /// <summary>True while the session file holds its header only: nothing has been said in it.</summary>
    public bool SessionIsEmpty
    {
        get
        {
            using var stream = new FileStream(Transcript.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var records = 0;
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && ++records > 1)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        CloseTranscript();
        Connection?.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// An explicit --db must be usable (a typo is an error); otherwise agent.yaml's default or DATABASE_URL is used when
    /// set, and a chat without any database is fine: the tools then say how to configure one.
    /// </summary>
    private static LazyDatabase ResolveDatabase(CliHost host, ChatOptions options, AgentDefinition definition)
    {
        var named = definition.Databases.Named.Values.Select(d => new NamedDatabase(d.Name, d.Url, d.ReadOnly)).ToList();
        try
        {
            return new LazyDatabase(DatabaseTargets.Resolve(
                options.Database, named, definition.Databases.Default, definition.Databases.ReadOnly, host.GetVariable));
        }
        catch (DatabaseTargetException ex) when (options.Database is null)
        {
            return new LazyDatabase(null, ex.Message);
        }
        catch (DatabaseTargetException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    /// <summary>
    /// Closes the session file, and deletes it when nothing was said: an empty session would otherwise be the newest
    /// one and hide the last real conversation from <c>dbx chat --resume</c>.
    /// </summary>
    private void CloseTranscript()
    {
        if (Transcript is null)
        {
            return;
        }

        var empty = SessionIsEmpty;
        Transcript.Dispose();
        if (empty)
        {
            File.Delete(Transcript.FilePath);
        }
    }

    private void Connect(ModelResolution resolution)
    {
        try
        {
            Connection = ModelConnection.Create(
                resolution.Spec!, resolution.Credentials!, ModelResilienceOptions.FromEnvironment(Host.GetVariable), Host.Time);
        }
        catch (ModelConfigurationException ex)
        {
            // A bad DBX_MODEL_* setting is the user's to fix, not a crash.
            throw new CliException(ex.Message);
        }

        Model = resolution;
        Runtime = AgentAssembler.Build(new AgentAssemblyOptions
        {
            Definition = Definition,
            WorkspaceRoot = Options.Workspace,
            Chat = Connection.Chat,
            ModelName = Connection.Spec.ToString(),
            PermissionMode = Mode,
            Approval = Approval,
            Time = Host.Time,
            Database = Database,
        });
        if (Conversation is not null)
        {
            Conversation = new Conversation(Runtime, Transcript, Conversation.History, Conversation.Usage);
        }
    }

    /// <summary>Secrets are the values of secret-looking variables and the configured database URLs.</summary>
    private static SecretRedactor CreateRedactor(CliHost host, AgentDefinition definition)
    {
        var names = host.Environment.Keys.Where(IsSecretName).Concat(ModelCredentials.SecretVariables).Distinct(StringComparer.Ordinal);
        var fromEnvironment = SecretRedactor.FromEnvironment(names, host.GetVariable);
        var urls = new[] { definition.Databases.Default }.Concat(definition.Databases.Named.Values.Select(d => d.Url));
        return fromEnvironment.With(urls);
    }

    private static bool IsSecretName(string name) =>
        name.EndsWith("_KEY", StringComparison.Ordinal) || name.Contains("SECRET", StringComparison.Ordinal)
        || name.Contains("TOKEN", StringComparison.Ordinal) || name.Contains("PASSWORD", StringComparison.Ordinal)
        || name.EndsWith("DATABASE_URL", StringComparison.Ordinal);

    /// <summary>Session files stay out of git: the folder ignores itself.</summary>
    private static void EnsureIgnored(string directory)
    {
        Directory.CreateDirectory(directory);
        var ignore = Path.Combine(directory, ".gitignore");
        if (!File.Exists(ignore))
        {
            File.WriteAllText(ignore, "# dbx sessions and history may hold conversation text; keep them out of git\n*\n");
        }
    }
}
