using DatabaseExpert.Agent.Definition.Internal.Schema;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>The frontmatter of a Claude Code sub-agent file, as dbx reads it. Unknown keys are warnings: Claude Code adds keys often.</summary>
internal static class PersonaSchema
{
    public const int MaxDescriptionLength = 1024;

    public static IReadOnlyList<string> PermissionModes { get; } =
        ["default", "acceptEdits", "plan", "bypassPermissions", "dontAsk", "ask", "accept-edits", "bypass"];

    public static MapShape Frontmatter { get; } = Shape.Map(
        new Field("name", Shape.Text, Required: true, Help: "add `name: my-agent` (lowercase letters and hyphens)"),
        new Field("description", Shape.Text, Required: true, Help: "add `description: …` saying what the agent does and when to use it"),
        new Field("tools", Shape.TextOrTexts),
        new Field("disallowedTools", Shape.TextOrTexts),
        new Field("model", Shape.Text),
        new Field("skills", Shape.TextOrTexts),
        new Field("permissionMode", Shape.Choice([.. PermissionModes])),
        new Field("maxTurns", Shape.Int(1, AgentDefinition.MaxToolRoundsLimit)),
        Field.Ignored("mcpServers", DiagnosticSeverity.Warning,
            "dbx starts MCP servers only from agent.yaml, so a shared persona file cannot launch commands; declare them under `mcpServers:` there"),
        Field.Ignored("hooks", DiagnosticSeverity.Warning, "dbx has no hooks; approvals come from agent.yaml `permissions`"),
        Field.Ignored("memory", DiagnosticSeverity.Warning, "dbx keeps no persistent agent memory; sessions are resumed with `dbx chat --resume`"),
        Field.Ignored("background", DiagnosticSeverity.Info, "a Claude Code scheduling option"),
        Field.Ignored("isolation", DiagnosticSeverity.Info, "a Claude Code worktree option"),
        Field.Ignored("effort", DiagnosticSeverity.Info, "a Claude Code reasoning-effort option"),
        Field.Ignored("color", DiagnosticSeverity.Info, "the colour of the agent in Claude Code's interface"));
}
