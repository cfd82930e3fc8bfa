namespace DatabaseExpert.Agent.Permissions;

/// <summary>How much the agent may do without asking. Names follow Claude Code's permission modes.</summary>
public enum PermissionMode
{
    /// <summary>Read-only tools run freely; every write, edit and shell command is approved by the user.</summary>
    Ask,

    /// <summary>File writes and edits run freely; shell commands still ask unless an allow pattern matches.</summary>
    AcceptEdits,

    /// <summary>Only read-only tools; the agent plans and proposes but changes nothing.</summary>
    Plan,

    /// <summary>Everything runs without asking, except commands matching a deny pattern.</summary>
    Bypass,
}

public static class PermissionModes
{
    public static readonly IReadOnlyList<string> Names = ["ask", "accept-edits", "plan", "bypass"];

    public static bool TryParse(string? text, out PermissionMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "ask" or "default":
                mode = PermissionMode.Ask;
                return true;
            case "accept-edits" or "acceptedits":
                mode = PermissionMode.AcceptEdits;
                return true;
            case "plan":
                mode = PermissionMode.Plan;
                return true;
            case "bypass" or "bypasspermissions":
                mode = PermissionMode.Bypass;
                return true;
            default:
                mode = PermissionMode.Ask;
                return false;
        }
    }

    public static string ToName(this PermissionMode mode) => mode switch
    {
        PermissionMode.Ask => "ask",
        PermissionMode.AcceptEdits => "accept-edits",
        PermissionMode.Plan => "plan",
        PermissionMode.Bypass => "bypass",
        _ => mode.ToString(),
    };
}
