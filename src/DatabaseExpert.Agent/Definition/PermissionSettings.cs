using DatabaseExpert.Agent.Permissions;

namespace DatabaseExpert.Agent.Definition;

/// <summary>agent.yaml <c>permissions</c>: the mode and the shell command patterns (glob-style, as written).</summary>
public sealed record PermissionSettings(PermissionMode Mode, IReadOnlyList<string> BashAllow, IReadOnlyList<string> BashDeny)
{
    public static PermissionSettings Default { get; } = new(PermissionMode.Ask, [], []);
}
