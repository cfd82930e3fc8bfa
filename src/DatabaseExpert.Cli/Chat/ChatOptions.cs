using DatabaseExpert.Agent.Permissions;

namespace DatabaseExpert.Cli.Chat;

/// <summary>What <c>dbx chat</c> was asked to do.</summary>
public sealed record ChatOptions
{
    public string? AgentPath { get; init; }

    public string? Model { get; init; }

    /// <summary><c>--db</c>: a URL, a name from agent.yaml, or <c>shadow</c>; null to use the defaults.</summary>
    public string? Database { get; init; }

    public PermissionMode? PermissionMode { get; init; }

    /// <summary>Null: a new session; empty: the newest saved session; otherwise an id or id prefix.</summary>
    public string? Resume { get; init; }

    public bool NoColor { get; init; }

    public required string Workspace { get; init; }
}
