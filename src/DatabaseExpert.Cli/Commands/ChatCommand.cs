using System.CommandLine;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Cli.Chat;

namespace DatabaseExpert.Cli.Commands;

/// <summary><c>dbx chat</c>: the REPL, or one answer with <c>-p</c>.</summary>
public static class ChatCommand
{
    private const string Name = "chat";
    private const string PrintOption = "--print";

    public static Command Create(CliHost host)
    {
        var print = new Option<string?>(PrintOption, "-p")
        {
            Description = "Answer this prompt once to stdout and exit (piped stdin is appended to it)",
        };
        var model = new Option<string?>("--model", "-m") { Description = "Model as provider:model (anthropic:sonnet, openai:gpt-4.1, azure:<deployment>)" };
        var mode = new Option<string?>("--permission-mode")
        {
            Description = "ask | accept-edits | plan | bypass (default: agent.yaml permissions.mode)",
        };
        mode.AcceptOnlyFromAmong([.. PermissionModes.Names]);
        var resume = new Option<string?>("--resume", "-r")
        {
            Description = "Continue a saved session: its id (or a prefix), or the newest when no id is given",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Folder the file and shell tools may use (default: the current folder)" };
        var command = new Command(Name, "Chat with the database expert (REPL), or answer once with -p") { print, model, mode, resume, workspace };
        command.SetAction(async (parse, cancellationToken) =>
        {
            PermissionMode? permissionMode = null;
            if (parse.GetValue(mode) is { } modeText && PermissionModes.TryParse(modeText, out var parsed))
            {
                permissionMode = parsed;
            }

            var workspaceRoot = Path.GetFullPath(parse.GetValue(workspace) ?? ".", host.WorkingDirectory);
            if (!Directory.Exists(workspaceRoot))
            {
                throw new CliException($"--workspace {workspaceRoot} does not exist");
            }

            var resumeResult = parse.GetResult(resume);
            var options = new ChatOptions
            {
                AgentPath = parse.GetValue(GlobalOptions.Config),
                Model = parse.GetValue(model),
                Database = parse.GetValue(GlobalOptions.Database),
                PermissionMode = permissionMode,
                Resume = resumeResult is null ? null : parse.GetValue(resume) ?? string.Empty,
                NoColor = parse.GetValue(GlobalOptions.NoColor),
                Workspace = workspaceRoot,
            };
            var prompt = parse.GetValue(print);
            return prompt is null
                ? await RunReplAsync(host, options, cancellationToken)
                : await RunOnceAsync(host, options, prompt, cancellationToken);
        });
        return command;
    }

    /// <summary>True for the interactive REPL, which handles Ctrl-C itself.</summary>
    public static bool HandlesInterrupts(ParseResult parse) =>
        parse.CommandResult.Command.Name == Name && parse.GetResult(PrintOption) is null;

    private static async Task<int> RunReplAsync(CliHost host, ChatOptions options, CancellationToken cancellationToken)
    {
        var repl = new Repl(host, options.NoColor);
        await using var context = ChatContext.Create(host, options, repl.Approval);
        return await repl.RunAsync(context, cancellationToken);
    }

    private static async Task<int> RunOnceAsync(CliHost host, ChatOptions options, string prompt, CancellationToken cancellationToken)
    {
        if (host.InputRedirected)
        {
            var piped = await host.In.ReadToEndAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(piped))
            {
                prompt = $"{prompt}\n\n{piped}";
            }
        }

        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new CliException("the prompt given to -p is empty");
        }

        await using var context = ChatContext.Create(host, options, new NonInteractiveApproval());
        var observer = new PrintObserver(host.Out, host.Error, context.Redactor.Redact);
        var result = await context.Conversation.RunTurnAsync(prompt, observer, cancellationToken);
        if (!result.Text.EndsWith('\n'))
        {
            await host.Out.WriteLineAsync();
        }

        return result.Stop switch
        {
            TurnStop.Completed => ExitCodes.Ok,
            TurnStop.Failed => throw new CliException(result.Error?.Message ?? "the model call failed", ExitCodes.Runtime),
            TurnStop.ToolLimit => throw new CliException(
                $"stopped after {context.Runtime.MaxToolRounds} tool rounds without a final answer; raise maxToolRounds in agent.yaml",
                ExitCodes.Runtime),
            _ => throw new CliException("cancelled", 130),
        };
    }
}
