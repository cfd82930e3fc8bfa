using DatabaseExpert.Agent.Definition.Internal.Schema;
using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Builds <see cref="McpServerDefinition"/>s from a checked <c>mcpServers</c> mapping, checking what the schema cannot.</summary>
internal static class McpServerBinder
{
    public static List<McpServerDefinition> Bind(AgentFileSource agentFile, DiagnosticBag diagnostics)
    {
        var servers = new List<McpServerDefinition>();
        if (agentFile.Root.Mapping("mcpServers") is not { } mapping)
        {
            return servers;
        }

        var names = mapping.Entries.Select(e => e.Key.Value).ToList();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlMapping server && Bind(entry.Key, server, names, agentFile.File, diagnostics) is { } definition)
            {
                servers.Add(definition);
            }
        }

        return servers;
    }

    private static McpServerDefinition? Bind(YamlScalar key, YamlMapping server, IReadOnlyList<string> names, string file, DiagnosticBag diagnostics)
    {
        var name = key.Value;
        var command = server.Scalar("command");
        var url = server.Scalar("url");
        var valid = true;
        if (command is not null && url is not null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, file, key.Position,
                $"MCP server `{name}` sets both `command` and `url`",
                "keep `command` (a local server started by dbx) or `url` (a remote server), not both");
            valid = false;
        }
        else if (command is null && url is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingKey, file, key.Position,
                $"MCP server `{name}` has neither `command` nor `url`",
                "add `command: npx` with `args: [...]` for a local server, or `url: https://…` for a remote one");
            valid = false;
        }

        if (url is not null && !(Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, file, url.Position,
                $"`mcpServers.{name}.url` must be an absolute http:// or https:// URL", "for example `url: https://mcp.context7.com/mcp`");
            valid = false;
        }

        var fallback = server.Scalar("fallback");
        var fallbacks = names.Where(n => n != name).Prepend(McpServerDefinition.OfflineDocsFallback).ToList();
        if (fallback is not null && !fallbacks.Contains(fallback.Value, StringComparer.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, file, fallback.Position,
                $"`mcpServers.{name}.fallback` is `{fallback.Value}`, which is neither `{McpServerDefinition.OfflineDocsFallback}` nor another server",
                Suggestions.DidYouMean(fallback.Value, fallbacks) ?? $"use one of {string.Join(", ", fallbacks)}");
            valid = false;
        }

        return valid
            ? new McpServerDefinition(
                name,
                command?.Value,
                server.Scalars("args")?.Select(s => s.Value).ToList() ?? [],
                Strings(server.Mapping("env")),
                url?.Value,
                Strings(server.Mapping("headers")),
                fallback?.Value,
                server.Scalar("enabled") is not { } enabled || BoolShape.IsTrue(enabled))
            : null;
    }

    private static Dictionary<string, string> Strings(YamlMapping? mapping) =>
        mapping?.Entries.ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
