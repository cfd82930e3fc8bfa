namespace DatabaseExpert.Agent.Permissions;

public enum PermissionOutcome
{
    Allow,
    Ask,
    Deny,
}

public sealed record PermissionDecision(PermissionOutcome Outcome, string Reason)
{
    public static PermissionDecision Allow(string reason) => new(PermissionOutcome.Allow, reason);

    public static PermissionDecision Ask(string reason) => new(PermissionOutcome.Ask, reason);

    public static PermissionDecision Deny(string reason) => new(PermissionOutcome.Deny, reason);
}

/// <summary>
/// Decides whether a tool call runs, asks, or is refused, from the permission mode, the tool's access class and
/// (for shell commands) the allow/deny patterns. Deny patterns win in every mode, bypass included, and database
/// writes ask in every mode but plan (which refuses them).
/// </summary>
public sealed class PermissionPolicy(PermissionMode mode, CommandRules commandRules)
{
    public PermissionMode Mode { get; set; } = mode;

    public CommandRules CommandRules { get; } = commandRules;

    public PermissionDecision Decide(ToolAccess access, string? command = null)
    {
        if (access == ToolAccess.Execute && command is not null)
        {
            var evaluation = CommandRules.Evaluate(command);
            if (evaluation.Verdict == CommandVerdict.Denied)
            {
                return PermissionDecision.Deny($"the command {evaluation.Reason} in agent.yaml permissions.bash.deny");
            }

            if (Mode == PermissionMode.Plan)
            {
                return PlanRefusal();
            }

            if (evaluation.Verdict == CommandVerdict.Allowed)
            {
                return PermissionDecision.Allow($"allowed by the pattern '{evaluation.Pattern}'");
            }

            return Mode == PermissionMode.Bypass
                ? PermissionDecision.Allow("bypass mode")
                : PermissionDecision.Ask(evaluation.Reason ?? "no allow pattern matches this command");
        }

        return (access, Mode) switch
        {
            (ToolAccess.ReadOnly, _) => PermissionDecision.Allow("read-only tool"),
            (_, PermissionMode.Plan) => PlanRefusal(),
            (ToolAccess.DatabaseWrite, _) => PermissionDecision.Ask("database changes always need approval, even in bypass mode"),
            (_, PermissionMode.Bypass) => PermissionDecision.Allow("bypass mode"),
            (ToolAccess.Edit, PermissionMode.AcceptEdits) => PermissionDecision.Allow("accept-edits mode"),
            (ToolAccess.Edit, _) => PermissionDecision.Ask("file changes need approval in ask mode"),
            _ => PermissionDecision.Ask("commands need approval"),
        };
    }

    private static PermissionDecision PlanRefusal() =>
        PermissionDecision.Deny("plan mode allows read-only tools only; describe the change instead of making it");
}
