using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Checks tool names against dbx's tools and turns them into canonical spellings.</summary>
internal static class ToolResolver
{
    public static List<string> Resolve(IEnumerable<YamlScalar> items, string file, IReadOnlySet<string> mcpServers, DiagnosticBag diagnostics)
    {
        var tools = new List<string>();
        foreach (var item in items)
        {
            if (Resolve(item, file, mcpServers, diagnostics) is { } tool && !tools.Contains(tool, StringComparer.Ordinal))
            {
                tools.Add(tool);
            }
        }

        return tools;
    }

    private static string? Resolve(YamlScalar item, string file, IReadOnlySet<string> mcpServers, DiagnosticBag diagnostics)
    {
        var name = item.Value.Trim();
        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')'))
        {
            diagnostics.Warning(DiagnosticCodes.ToolPatternIgnored, file, item.Position,
                $"`{name}`: dbx does not restrict a tool by argument pattern; `{name[..open]}` is allowed as a whole",
                "for shell commands, use permissions.bash.allow / deny in agent.yaml");
            name = name[..open].Trim();
        }

        if (KnownTools.TryParseMcp(name, out var server, out _))
        {
            if (!mcpServers.Contains(server))
            {
                diagnostics.Warning(DiagnosticCodes.UnknownMcpServer, file, item.Position,
                    $"`{name}` names MCP server `{server}`, which is not configured; the tool will not be available",
                    $"add `{server}` under mcpServers in agent.yaml"
                    + (Suggestions.DidYouMean(server, mcpServers) is { } hint ? $", or fix the name: {hint}" : string.Empty));
            }

            return name;
        }

        if (KnownTools.Dbx.FirstOrDefault(t => t.Equals(name, StringComparison.Ordinal)) is { } exact)
        {
            return exact;
        }

        if (KnownTools.Dbx.FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } cased)
        {
            diagnostics.Warning(DiagnosticCodes.ToolNameCase, file, item.Position,
                $"tool `{name}` is spelled `{cased}`", $"write `{cased}`");
            return cased;
        }

        if (KnownTools.ClaudeCodeOnly.FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } claudeOnly)
        {
            diagnostics.Warning(DiagnosticCodes.UnavailableTool, file, item.Position,
                $"`{claudeOnly}` is a Claude Code tool that is not available in dbx; it is ignored",
                $"remove it to silence this warning; dbx tools: {string.Join(", ", KnownTools.Dbx)}");
            return null;
        }

        var suggestion = Suggestions.DidYouMean(name, KnownTools.Dbx.Concat(KnownTools.ClaudeCodeOnly));
        diagnostics.Error(DiagnosticCodes.UnknownTool, file, item.Position,
            $"unknown tool `{name}`",
            (suggestion is null ? string.Empty : suggestion + " ")
            + $"dbx tools: {string.Join(", ", KnownTools.Dbx)}; MCP tools are written mcp__<server>__<tool>");
        return null;
    }
}
