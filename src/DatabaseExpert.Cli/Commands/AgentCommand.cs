using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Definition;
using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Security;
using DatabaseExpert.Cli.Output;
using Spectre.Console;

namespace DatabaseExpert.Cli.Commands;

/// <summary><c>dbx agent validate</c> and <c>dbx agent show</c>: check and explain the agent definition.</summary>
public static class AgentCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("agent", "Check or show the agent definition (agent.yaml, persona, skills)");
        command.Subcommands.Add(CreateValidate(host));
        command.Subcommands.Add(CreateShow(host));
        return command;
    }

    private static Command CreateValidate(CliHost host)
    {
        var format = OutputFormats.CreateOption();
        var command = new Command("validate", "Validate the agent definition; exit 0 when valid, 2 when not") { format };
        command.SetAction(parse =>
        {
            var result = host.LoadAgent(parse.GetValue(GlobalOptions.Config));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                var json = new JsonObject
                {
                    ["valid"] = result.Succeeded,
                    ["source"] = result.Definition?.SourceFile,
                    ["diagnostics"] = new JsonArray(result.Diagnostics.Select(DiagnosticJson).ToArray<JsonNode?>()),
                };
                host.Out.WriteLine(json.ToJsonString(OutputFormats.Json));
            }
            else
            {
                WriteDiagnostics(host, result);
                var errors = result.Errors.Count();
                var warnings = result.Warnings.Count();
                var source = result.Definition is { } d ? Path.GetRelativePath(host.WorkingDirectory, d.SourceFile) : "agent definition";
                host.Out.WriteLine(result.Succeeded
                    ? $"{source}: valid{(warnings > 0 ? $" ({Plural(warnings, "warning")})" : string.Empty)}"
                    : $"{source}: {Plural(errors, "error")}{(warnings > 0 ? $", {Plural(warnings, "warning")}" : string.Empty)}");
            }

            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Usage;
        });
        return command;
    }

    private static Command CreateShow(CliHost host)
    {
        var format = OutputFormats.CreateOption();
        var model = new Option<string?>("--model") { Description = "Show the agent as it would run with this model" };
        var command = new Command("show", "Print the resolved agent: model, tools, skills with sizes, MCP servers, permissions") { format, model };
        command.SetAction(parse =>
        {
            var result = host.LoadAgent(parse.GetValue(GlobalOptions.Config));
            if (!result.Succeeded || result.Definition is null)
            {
                WriteDiagnostics(host, result, errorsOnly: true);
                host.Error.WriteLine("dbx: the agent definition has errors; fix them (dbx agent validate lists them all)");
                return ExitCodes.Usage;
            }

            var definition = result.Definition;
            var resolution = ModelResolution.Resolve(parse.GetValue(model), definition, host.GetVariable);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                host.Out.WriteLine(ShowJson(host, definition, resolution).ToJsonString(OutputFormats.Json));
            }
            else
            {
                ShowText(Consoles.Create(host, host.Out, parse.GetValue(GlobalOptions.NoColor)), host, definition, resolution);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void ShowText(IAnsiConsole console, CliHost host, AgentDefinition definition, ModelResolution model)
    {
        string Rel(string path) => Path.GetRelativePath(host.WorkingDirectory, path);
        void Row(string name, string markup) => console.MarkupLine($"[bold]{name.PadRight(13)}[/]{markup}");

        Row("Agent", $"{Markup.Escape(definition.Name)} [grey]— {Markup.Escape(Shorten(definition.Description, 120))}[/]");
        var builtIn = host.BundledAgent is { } bundled && Path.GetFullPath(bundled) == definition.SourceFile;
        Row("Source", Markup.Escape(Rel(definition.SourceFile)) + (builtIn ? " [grey](built-in: no agent.yaml in this project)[/]" : string.Empty));
        var personaBytes = Encoding.UTF8.GetByteCount(definition.SystemPrompt);
        Row("Persona", Markup.Escape($"{Rel(definition.Persona.Path)} ({Size(personaBytes)}, {LineCount(definition.SystemPrompt)} lines)"));
        Row("Model", ModelMarkup(model));
        string From(string key) => $" [grey](from {Markup.Escape(Origin(host, definition.OriginOf(key)))})[/]";
        Row("Tools", Markup.Escape(definition.Tools.Count == 0 ? "(none)" : string.Join(", ", definition.Tools)) + From(SettingKeys.Tools));
        var permissions = definition.Permissions;
        Row("Permissions", Markup.Escape(
            $"{permissions.Mode.ToName()} · bash allow: {List(permissions.BashAllow)} · deny: {List(permissions.BashDeny)}")
            + From(SettingKeys.PermissionMode));
        Row("Tool rounds", definition.MaxToolRounds.ToString(CultureInfo.InvariantCulture) + " per turn" + From(SettingKeys.MaxToolRounds));
        Row("Databases", Markup.Escape(DatabasesText(definition.Databases)));

        console.MarkupLine((definition.Skills.Count == 0 ? "[bold]Skills[/]       (none)" : "[bold]Skills[/]") + From(SettingKeys.Skills));
        foreach (var skill in definition.Skills)
        {
            var references = skill.Files.Count;
            var bytes = skill.BodyBytes + skill.Files.Sum(f => f.SizeBytes);
            console.MarkupLine(
                $"  [green]{Markup.Escape(skill.Name)}[/] [grey]{Markup.Escape(Rel(skill.Directory))}[/] · SKILL.md {Size(skill.BodyBytes)}, "
                + $"{skill.BodyLines} lines · {Plural(references, "file")} · {Size(bytes)} in all");
            console.MarkupLine($"    [grey]{Markup.Escape(Shorten(skill.Description, 150))}[/]");
        }

        console.MarkupLine(definition.McpServers.Count == 0 ? "[bold]MCP servers[/]  (none)" : "[bold]MCP servers[/]");
        foreach (var server in definition.McpServers)
        {
            console.MarkupLine("  " + Markup.Escape(server.ToString()));
        }
    }

    private static string ModelMarkup(ModelResolution model)
    {
        if (model.Choice is null)
        {
            return "[yellow](none)[/] — run `dbx chat` to see how to configure one";
        }

        var source = ModelSelection.Describe(model.Choice.Source);
        var name = model.Spec?.ToString() ?? model.Choice.Text;
        var state = model.IsUsable
            ? "[green]ready[/]"
            : $"[yellow]not ready[/]: {Markup.Escape(model.Problem ?? "unknown problem")}";
        return $"{Markup.Escape(name)} [grey](from {Markup.Escape(source)})[/] · {state}";
    }

    private static JsonObject ShowJson(CliHost host, AgentDefinition definition, ModelResolution model) => new()
    {
        ["name"] = definition.Name,
        ["description"] = definition.Description,
        ["source"] = definition.SourceFile,
        ["persona"] = new JsonObject
        {
            ["file"] = definition.Persona.Path,
            ["bytes"] = Encoding.UTF8.GetByteCount(definition.SystemPrompt),
            ["lines"] = LineCount(definition.SystemPrompt),
        },
        ["model"] = new JsonObject
        {
            ["value"] = model.Spec?.ToString() ?? model.Choice?.Text,
            ["source"] = model.Choice is null ? null : ModelSelection.Describe(model.Choice.Source),
            ["ready"] = model.IsUsable,
            ["problem"] = model.Problem,
            ["endpoint"] = model.Credentials?.Endpoint?.ToString(),
        },
        ["tools"] = new JsonArray(definition.Tools.Select(t => (JsonNode?)t).ToArray()),
        ["permissions"] = new JsonObject
        {
            ["mode"] = definition.Permissions.Mode.ToName(),
            ["bashAllow"] = new JsonArray(definition.Permissions.BashAllow.Select(t => (JsonNode?)t).ToArray()),
            ["bashDeny"] = new JsonArray(definition.Permissions.BashDeny.Select(t => (JsonNode?)t).ToArray()),
        },
        ["maxToolRounds"] = definition.MaxToolRounds,
        ["provenance"] = new JsonObject(definition.Provenance.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.ToString()))),
        ["skills"] = new JsonArray(definition.Skills.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["directory"] = s.Directory,
            ["bodyBytes"] = s.BodyBytes,
            ["bodyLines"] = s.BodyLines,
            ["files"] = new JsonArray(s.Files.Select(f => (JsonNode?)new JsonObject { ["path"] = f.RelativePath, ["bytes"] = f.SizeBytes }).ToArray()),
        }).ToArray()),
        ["mcpServers"] = new JsonArray(definition.McpServers.Select(m => (JsonNode?)new JsonObject
        {
            ["name"] = m.Name,
            ["command"] = m.Command,
            ["args"] = new JsonArray(m.Args.Select(a => (JsonNode?)a).ToArray()),
            ["url"] = m.Url,
            ["env"] = new JsonArray(m.Env.Keys.Select(k => (JsonNode?)k).ToArray()),
            ["fallback"] = m.Fallback,
            ["enabled"] = m.Enabled,
        }).ToArray()),
        ["databases"] = new JsonObject
        {
            ["default"] = definition.Databases.Default is { Length: > 0 } d ? SecretRedactor.RedactConnection(d) : null,
            ["readOnly"] = definition.Databases.ReadOnly,
            ["named"] = new JsonObject(definition.Databases.Named.Values.Select(n =>
                KeyValuePair.Create(n.Name, (JsonNode?)new JsonObject { ["url"] = SecretRedactor.RedactConnection(n.Url), ["readOnly"] = n.ReadOnly }))),
        },
        ["workingDirectory"] = host.WorkingDirectory,
    };

    /// <summary>Where a setting came from, with paths relative to the working directory.</summary>
    private static string Origin(CliHost host, ValueOrigin origin) => origin.File is null
        ? origin.ToString()
        : (origin with { File = Path.GetRelativePath(host.WorkingDirectory, origin.File) }).ToString();

    internal static void WriteDiagnostics(CliHost host, AgentLoadResult result, bool errorsOnly = false)
    {
        foreach (var diagnostic in result.Diagnostics.Where(d => !errorsOnly || d.IsError))
        {
            (diagnostic.IsError ? host.Error : host.Out).WriteLine(diagnostic.ToDisplayString(host.WorkingDirectory));
        }
    }

    private static JsonObject DiagnosticJson(Diagnostic d) => new()
    {
        ["severity"] = Diagnostic.SeverityName(d.Severity),
        ["code"] = d.Code,
        ["message"] = d.Message,
        ["file"] = d.File,
        ["line"] = d.Line,
        ["column"] = d.Column,
        ["help"] = d.Help,
    };

    private static string DatabasesText(DatabaseSettings databases)
    {
        var entries = new List<string>();
        if (!string.IsNullOrWhiteSpace(databases.Default))
        {
            entries.Add($"default = {SecretRedactor.RedactConnection(databases.Default)}");
        }

        entries.AddRange(databases.Named.Values.Select(d => d.ToString()));
        var access = databases.ReadOnly ? "read-only" : "read-write";
        return entries.Count == 0 ? $"(none; set DATABASE_URL or pass --db) · {access}" : $"{string.Join(", ", entries)} · {access}";
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Size(long bytes) => bytes < 1024
        ? $"{bytes} B"
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");

    private static int LineCount(string text) => text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);

    private static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1), "…");
    }
}
