using DatabaseExpert.Agent.Definition.Internal.Schema;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>
/// Every key agent.yaml accepts. A new key is one <see cref="Field"/> line here (plus wherever it is read);
/// anything not listed is an <c>unknown-key</c> error with a "did you mean".
/// </summary>
internal static class AgentYamlSchema
{
    public const int MinToolRounds = 1;
    public const int MaxToolRounds = AgentDefinition.MaxToolRoundsLimit;

    public static IReadOnlyList<string> PermissionModes { get; } = ["ask", "accept-edits", "plan", "bypass"];

    private static readonly MapShape McpServer = Shape.Map(
        new Field("command", Shape.Text),
        new Field("args", Shape.Texts),
        new Field("env", Shape.TextMap),
        new Field("url", Shape.Text),
        new Field("headers", Shape.TextMap),
        new Field("fallback", Shape.Text),
        new Field("enabled", Shape.Bool));

    private static readonly MapShape NamedDatabase = Shape.Map(
        new Field("url", Shape.Text, Required: true, Help: "add `url: postgres://…`"),
        new Field("readOnly", Shape.Bool));

    public static MapShape Root { get; } = Shape.Map(
        new Field("name", Shape.Text),
        new Field("description", Shape.Text),
        new Field("persona", Shape.Text, Required: true,
            Help: "add `persona: prompts/<agent>.md`, a Claude Code sub-agent file whose body is the system prompt"),
        new Field("skills", Shape.Texts),
        new Field("model", Shape.Text),
        new Field("tools", Shape.Texts),
        new Field("maxToolRounds", Shape.Int(MinToolRounds, MaxToolRounds)),
        new Field("permissions", Shape.Map(
            new Field("mode", Shape.Choice([.. PermissionModes])),
            new Field("bash", Shape.Map(
                new Field("allow", Shape.Texts),
                new Field("deny", Shape.Texts))))),
        new Field("databases", Shape.Map(
                new Field("default", Shape.Text),
                new Field("readOnly", Shape.Bool))
            .WithAdditional(Shape.ScalarOr(Shape.Text, NamedDatabase))),
        new Field("mcpServers", Shape.DictionaryOf(McpServer)),
        // Settings of `dbx lint`, read and checked by DatabaseExpert.Migrations (Config/LintConfigLoader).
        new Field("lint", Shape.Any));
}
