using DatabaseExpert.Agent.Permissions;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Maps permission mode names (dbx's and Claude Code's) to <see cref="PermissionMode"/>.</summary>
internal static class PermissionModeNames
{
    /// <summary>agent.yaml <c>permissions.mode</c>; the schema has already limited it to dbx's names.</summary>
    public static PermissionMode FromAgentFile(string value) => value switch
    {
        "accept-edits" => PermissionMode.AcceptEdits,
        "plan" => PermissionMode.Plan,
        "bypass" => PermissionMode.Bypass,
        _ => PermissionMode.Ask,
    };

    /// <summary>
    /// A persona's <c>permissionMode</c>. Null for modes a persona may not grant: bypass (a shared persona file must
    /// not switch approvals off) and Claude Code's <c>dontAsk</c>, which dbx does not have.
    /// </summary>
    public static PermissionMode? FromPersona(string value) => value switch
    {
        "default" or "ask" => PermissionMode.Ask,
        "acceptEdits" or "accept-edits" => PermissionMode.AcceptEdits,
        "plan" => PermissionMode.Plan,
        _ => null,
    };
}
