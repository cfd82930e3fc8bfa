using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Runtime;

/// <summary>Everything a conversation needs, assembled once: kernel, tools, model, permissions, prompt.</summary>
public sealed record AgentRuntimeOptions
{
    public required string SystemPrompt { get; init; }

    public required IChatCompletionService Chat { get; init; }

    /// <summary>Shown in sessions and /model; never contains secrets.</summary>
    public required string ModelName { get; init; }

    public required ToolCatalog Catalog { get; init; }

    public required PermissionPolicy Policy { get; init; }

    public IApprovalPrompt Approval { get; init; } = new NonInteractiveApproval();

    public int MaxToolRounds { get; init; } = 24;
}

/// <summary>
/// The Semantic Kernel assembly: a kernel holding the tool catalog's plugins and the approval filter, and execution
/// settings with automatic function choice. One runtime serves one conversation at a time.
/// </summary>
public sealed class AgentRuntime
{
    public AgentRuntime(AgentRuntimeOptions options)
    {
        if (options.MaxToolRounds is < 1 or > Definition.AgentDefinition.MaxToolRoundsLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxToolRounds, $"maxToolRounds must be 1..{Definition.AgentDefinition.MaxToolRoundsLimit}");
        }

        SystemPrompt = options.SystemPrompt;
        Chat = options.Chat;
        ModelName = options.ModelName;
        Catalog = options.Catalog;
        Policy = options.Policy;
        Approval = options.Approval;
        MaxToolRounds = options.MaxToolRounds;

        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Chat);
        builder.Services.AddSingleton<IAutoFunctionInvocationFilter>(new ToolInvocationFilter(this));
        foreach (var plugin in Catalog.Plugins)
        {
            builder.Plugins.Add(plugin);
        }

        Kernel = builder.Build();
        Settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(options: new FunctionChoiceBehaviorOptions
            {
                // Calls run one after another so that approvals are asked, and shown, in order.
                AllowConcurrentInvocation = false,
                AllowParallelCalls = true,
            }),
        };
    }

    public string SystemPrompt { get; }

    public IChatCompletionService Chat { get; }

    public string ModelName { get; }

    public ToolCatalog Catalog { get; }

    public PermissionPolicy Policy { get; }

    public IApprovalPrompt Approval { get; set; }

    public int MaxToolRounds { get; }

    public Kernel Kernel { get; }

    public PromptExecutionSettings Settings { get; }

    /// <summary>The observer of the turn in progress (set by the conversation for each turn).</summary>
    internal IAgentObserver Observer { get; set; } = NullAgentObserver.Instance;

    /// <summary>
    /// The token of the turn in progress. SK's IChatClient bridge (Anthropic) hands filters a context without the
    /// caller's token, so the filter falls back to this one for approvals and previews.
    /// </summary>
    internal CancellationToken TurnCancellation { get; set; }

    /// <summary>Set by the filter when the current turn hit <see cref="MaxToolRounds"/>.</summary>
    internal bool RoundLimitReached { get; set; }
}
