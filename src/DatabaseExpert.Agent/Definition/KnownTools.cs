namespace DatabaseExpert.Agent.Definition;

/// <summary>Tool names an agent definition may list.</summary>
public static class KnownTools
{
    /// <summary>The tools dbx provides, spelled as definitions spell them.</summary>
    public static IReadOnlyList<string> Dbx { get; } =
        ["Read", "Write", "Edit", "Bash", "Glob", "Grep", "Postgres", "Migrations", "Skills", "Docs"];

    /// <summary>Claude Code tools dbx does not provide: accepted in personas with a warning, then dropped.</summary>
    public static IReadOnlyList<string> ClaudeCodeOnly { get; } =
        ["WebFetch", "WebSearch", "Task", "Agent", "NotebookEdit", "TodoWrite", "MultiEdit", "LS", "BashOutput", "KillShell", "SlashCommand"];

    /// <summary>The prefix of MCP tool names: <c>mcp__&lt;server&gt;</c> or <c>mcp__&lt;server&gt;__&lt;tool&gt;</c>.</summary>
    public const string McpPrefix = "mcp__";

    /// <summary>Splits <c>mcp__server__tool</c> (tool may be <c>*</c>) or <c>mcp__server</c> (every tool of the server).</summary>
    public static bool TryParseMcp(string name, out string server, out string? tool)
    {
        server = string.Empty;
        tool = null;
        if (!name.StartsWith(McpPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[McpPrefix.Length..];
        var separator = rest.IndexOf("__", StringComparison.Ordinal);
        server = separator < 0 ? rest : rest[..separator];
        tool = separator < 0 ? null : rest[(separator + 2)..];
        return server.Length > 0 && server.All(IsNameChar) && (tool is null || (tool.Length > 0 && tool.All(c => IsNameChar(c) || c == '*')));
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
