using System.Globalization;
using System.Text;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Sessions;
using Spectre.Console;

namespace DatabaseExpert.Cli.Chat;

public enum SlashResult
{
    Continue,
    Exit,
}

/// <summary>The REPL's own commands. Each prints to the console and never reaches the model.</summary>
public sealed class SlashCommands(ChatContext context, IAnsiConsole console)
{
    private static readonly (string Name, string Usage, string Help)[] Commands =
    [
        ("/help", "/help", "this list"),
        ("/tools", "/tools", "the tools the agent can call, and which need approval"),
        ("/skills", "/skills [name]", "the skills; with a name, the files it holds"),
        ("/model", "/model [provider:model]", "show the model, or switch to another (the conversation carries over)"),
        ("/permissions", "/permissions [ask|accept-edits|plan|bypass]", "show or change the permission mode"),
        ("/clear", "/clear", "forget the conversation so far (the transcript keeps it)"),
        ("/save", "/save [file.md]", "show where the session is saved; with a file, export it as markdown"),
        ("/resume", "/resume [id]", "list saved sessions, or continue one"),
        ("/cost", "/cost", "tokens used by the last turn and by this session"),
        ("/exit", "/exit", "quit (Ctrl-D works too)"),
    ];

    public static IReadOnlyList<string> Names { get; } = Commands.Select(c => c.Name).Append("/quit").ToArray();

    public static IReadOnlyList<string> Complete(string prefix) =>
        Names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToArray();

    public SlashResult Execute(string line)
    {
        var parts = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var argument = parts.Length > 1 ? parts[1] : null;
        try
        {
            switch (parts[0].ToLowerInvariant())
            {
                case "/help" or "/?":
                    Help();
                    break;
                case "/tools":
                    Tools();
                    break;
                case "/skills":
                    Skills(argument);
                    break;
                case "/model":
                    Model(argument);
                    break;
                case "/permissions" or "/mode":
                    Permissions(argument);
                    break;
                case "/clear":
                    context.Conversation.Clear();
                    console.MarkupLine("[grey]Conversation cleared. The transcript keeps what was said.[/]");
                    break;
                case "/save":
                    Save(argument);
                    break;
                case "/resume":
                    Resume(argument);
                    break;
                case "/cost" or "/usage":
                    Cost();
                    break;
                case "/exit" or "/quit":
                    return SlashResult.Exit;
                default:
                    var suggestion = Complete(parts[0]) is [var first, ..] ? first : null;
                    console.MarkupLine($"[red]Unknown command {Markup.Escape(parts[0])}.[/] "
                        + (suggestion is null ? "Type /help for the list." : $"Did you mean {Markup.Escape(suggestion)}?"));
                    break;
            }
        }
        catch (CliException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
        }

        return SlashResult.Continue;
    }

    private void Help()
    {
        var width = Commands.Max(c => c.Usage.Length) + 2;
        foreach (var (_, usage, help) in Commands)
        {
            console.MarkupLine($"  [bold]{Markup.Escape(usage.PadRight(width))}[/]{Markup.Escape(help)}");
        }

        console.MarkupLine("  [grey]Ctrl-C cancels the running turn; Up/Down recall earlier lines; Tab completes commands.[/]");
    }

    private void Tools()
    {
        var policy = context.Runtime.Policy;
        foreach (var tool in context.Runtime.Catalog.Tools.OrderBy(t => t.PluginName, StringComparer.Ordinal))
        {
            var decision = policy.Decide(tool.Access);
            var (state, color) = decision.Outcome switch
            {
                PermissionOutcome.Allow => ("runs", "green"),
                PermissionOutcome.Ask => ("asks", "yellow"),
                _ => ("refused", "red"),
            };
            var name = tool.DisplayName.PadRight(16);
            var access = tool.Access.ToString();
            // One line per tool: a wrapped description would hide where the next tool starts.
            var room = console.Profile.Width - (2 + name.Length + 1 + state.Length + 1 + access.Length + 3);
            console.MarkupLine(
                $"  [bold]{Markup.Escape(name)}[/] [{color}]{state}[/] [grey]{Markup.Escape(access)} · "
                + $"{Markup.Escape(Shorten(tool.Function.Description, Math.Max(20, room)))}[/]");
        }
    }

    private void Skills(string? name)
    {
        var skills = context.Definition.Skills;
        if (skills.Count == 0)
        {
            console.MarkupLine("[grey]This agent has no skills.[/]");
            return;
        }

        foreach (var skill in skills.Where(s => name is null || s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            console.MarkupLine($"  [green]{Markup.Escape(skill.Name)}[/] [grey]{Markup.Escape(Shorten(skill.Description, 110))}[/]");
            if (name is not null)
            {
                foreach (var file in skill.Files)
                {
                    console.MarkupLine($"    {Markup.Escape(file.RelativePath)} [grey]({file.SizeBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)[/]");
                }
            }
        }
    }

    private void Model(string? model)
    {
        if (model is not null)
        {
            context.SwitchModel(model);
        }

        var endpoint = context.Connection.Endpoint is { } uri ? $" at {uri}" : string.Empty;
        console.MarkupLine($"  Model: [bold]{Markup.Escape(context.Connection.Spec.ToString())}[/]{Markup.Escape(endpoint)}");
    }

    private void Permissions(string? mode)
    {
        if (mode is not null)
        {
            if (!PermissionModes.TryParse(mode, out var parsed))
            {
                throw new CliException($"'{mode}' is not a permission mode; use {string.Join(", ", PermissionModes.Names)}");
            }

            context.SetMode(parsed);
        }

        var rules = context.Runtime.Policy.CommandRules;
        console.MarkupLine($"  Mode: [bold]{context.Mode.ToName()}[/]");
        console.MarkupLine($"  Bash allow: {Markup.Escape(rules.AllowPatterns.Count == 0 ? "(none)" : string.Join(", ", rules.AllowPatterns))}");
        console.MarkupLine($"  Bash deny:  {Markup.Escape(rules.DenyPatterns.Count == 0 ? "(none)" : string.Join(", ", rules.DenyPatterns))}");
    }

    private void Save(string? file)
    {
        var transcript = context.Transcript;
        if (file is null)
        {
            console.MarkupLine($"  Saved as you go: [bold]{Markup.Escape(transcript.FilePath)}[/]");
            console.MarkupLine($"  Resume later with: dbx chat --resume {Markup.Escape(transcript.Id)}");
            return;
        }

        var target = Path.GetFullPath(file, context.Options.Workspace);
        File.WriteAllText(target, context.Redactor.Redact(ToMarkdown()));
        console.MarkupLine($"  Exported to [bold]{Markup.Escape(target)}[/]");
    }

    private void Resume(string? id)
    {
        if (id is null)
        {
            var sessions = SessionStore.List(context.SessionDirectory);
            if (sessions.Count == 0)
            {
                console.MarkupLine("[grey]No saved sessions yet.[/]");
                return;
            }

            foreach (var session in sessions.Take(10))
            {
                var marker = session.Id == context.Transcript.Id ? " [green](current)[/]" : string.Empty;
                console.MarkupLine(
                    $"  [bold]{Markup.Escape(session.Id)}[/]{marker} {session.UserMessages} messages · "
                    + $"[grey]{Markup.Escape(Shorten(session.FirstMessage ?? string.Empty, 70))}[/]");
            }

            console.MarkupLine("[grey]  /resume <id> continues one.[/]");
            return;
        }

        context.ResumeSession(id);
        console.MarkupLine($"  Resumed [bold]{Markup.Escape(context.Transcript.Id)}[/] ({context.Conversation.History.Count - 1} messages).");
    }

    private void Cost()
    {
        var last = context.Conversation.LastTurnUsage;
        var total = context.Conversation.Usage;
        console.MarkupLine($"  Last turn: {Tokens(last.InputTokens)} in, {Tokens(last.OutputTokens)} out");
        console.MarkupLine($"  Session:   {Tokens(total.InputTokens)} in, {Tokens(total.OutputTokens)} out over {context.Conversation.Turns} turns");
        console.MarkupLine("  [grey]Prices change; multiply by your provider's current per-token rates.[/]");
    }

    private string ToMarkdown()
    {
        var text = new StringBuilder($"# dbx session {context.Transcript.Id}\n\n");
        foreach (var message in context.Conversation.History.Skip(1))
        {
            if (SessionTranscript.ToRecord(message) is not { } record)
            {
                continue;
            }

            var role = (string?)record["role"];
            var body = (string?)record["text"];
            text.Append(role switch
            {
                "user" => $"## You\n\n{body}\n\n",
                "tool" => $"<details><summary>{record["function"]} result</summary>\n\n```\n{body}\n```\n</details>\n\n",
                _ => string.IsNullOrEmpty(body) ? string.Empty : $"## dbx\n\n{body}\n\n",
            });
            if (record["toolCalls"] is System.Text.Json.Nodes.JsonArray calls)
            {
                foreach (var call in calls)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- tool call `{call?["function"]}` {call?["arguments"]?.ToJsonString()}\n");
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    internal static string Tokens(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Shorten(string? text, int max)
    {
        var line = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 1), "…");
    }
}
