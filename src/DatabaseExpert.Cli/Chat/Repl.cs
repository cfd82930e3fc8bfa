using System.Diagnostics;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Runtime;
using Spectre.Console;

namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// The interactive chat loop. On a terminal it uses the line editor and raw keys (Ctrl-C cancels the running turn,
/// not the session); on piped input it reads plain lines, which is how scripts and tests drive it.
/// </summary>
public sealed class Repl
{
    private readonly CliHost _host;
    private readonly IAnsiConsole _console;
    private readonly IKeyReader _keys;
    private LineEditor? _editor;
    private readonly TerminalApproval _approval;

    public Repl(CliHost host, bool noColor)
    {
        _host = host;
        _console = Output.Consoles.Create(host, host.Out, noColor);
        _keys = host.IsInteractive ? new ConsoleKeyReader() : new TextKeyReader(host.In);

        _approval = new TerminalApproval(_console, _keys, ReadPlainLine);
        if (host.IsInteractive)
        {
            // While a prompt waits for a key, Ctrl-C is a key (it answers "no") rather than a turn cancellation.
            _approval.PromptActive = active => Console.TreatControlCAsInput = active;
        }
    }

    public IApprovalPrompt Approval => _approval;

    public async Task<int> RunAsync(ChatContext context, CancellationToken cancellationToken)
    {
        var slash = new SlashCommands(context, _console);
        if (_host.IsInteractive)
        {
            var history = new LineHistory(Path.Combine(context.Options.Workspace, ".dbx", "history"), context.Redactor.Redact);
            _editor = new LineEditor(_keys, _host.Out, () => Console.WindowWidth, history) { Completer = SlashCommands.Complete };
        }

        PrintBanner(context);
        while (!cancellationToken.IsCancellationRequested)
        {
            var input = ReadInput();
            if (input.Kind == LineInputKind.EndOfInput)
            {
                break;
            }

            if (input.Kind == LineInputKind.Interrupted)
            {
                if (input.Text.Length == 0)
                {
                    _console.MarkupLine("[grey](Ctrl-D or /exit quits)[/]");
                }

                continue;
            }

            var text = input.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text.StartsWith('/'))
            {
                if (slash.Execute(text) == SlashResult.Exit)
                {
                    break;
                }

                continue;
            }

            await RunTurnAsync(context, text, cancellationToken);
        }

        _console.MarkupLine(context.SessionIsEmpty
            ? "[grey]Nothing was said; no session saved.[/]"
            : $"[grey]Session saved to {Markup.Escape(Path.GetRelativePath(_host.WorkingDirectory, context.Transcript.FilePath))}"
                + $" · resume with: dbx chat --resume {Markup.Escape(context.Transcript.Id)}[/]");
        return ExitCodes.Ok;
    }

    private async Task RunTurnAsync(ChatContext context, string text, CancellationToken cancellationToken)
    {
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            turn.Cancel();
        }

        var observer = new ConsoleObserver(_console);
        var stopwatch = Stopwatch.StartNew();
        if (_host.IsInteractive)
        {
            Console.CancelKeyPress += OnCancel;
        }

        TurnResult result;
        try
        {
            result = await context.Conversation.RunTurnAsync(text, observer, turn.Token);
        }
        finally
        {
            if (_host.IsInteractive)
            {
                Console.CancelKeyPress -= OnCancel;
            }

            observer.Complete();
        }

        var usage = $"{SlashCommands.Tokens(result.Usage.InputTokens)} in / {SlashCommands.Tokens(result.Usage.OutputTokens)} out";
        var elapsed = ConsoleObserver.FormatDuration(stopwatch.Elapsed);
        switch (result.Stop)
        {
            case TurnStop.Cancelled:
                _console.MarkupLine($"[yellow]⏹ cancelled[/] [grey]· {elapsed}[/]");
                break;
            case TurnStop.Failed:
                _console.MarkupLine($"[red]✗ {Markup.Escape(result.Error?.Message ?? "the model call failed")}[/]");
                _console.MarkupLine("[grey]  Your message is kept in the conversation; send it again, or switch with /model.[/]");
                break;
            default:
                _console.MarkupLine($"[grey]· {usage} · {elapsed}[/]");
                break;
        }
    }

    private LineInput ReadInput()
    {
        if (_editor is not null)
        {
            var prompt = _host.SupportsAnsi ? "\u001b[1;32m›\u001b[0m " : "› ";
            Console.TreatControlCAsInput = true;
            try
            {
                return _editor.ReadLine(prompt, promptWidth: 2);
            }
            finally
            {
                Console.TreatControlCAsInput = false;
            }
        }

        _host.Out.Write("› ");
        _host.Out.Flush();
        var line = _host.In.ReadLine();
        if (line is null)
        {
            _host.Out.WriteLine();
            return new LineInput(LineInputKind.EndOfInput, string.Empty);
        }

        _host.Out.WriteLine(line);
        return new LineInput(LineInputKind.Submitted, line);
    }

    private string? ReadPlainLine(string prompt)
    {
        if (_editor is null)
        {
            _host.Out.Write(prompt);
            var line = _host.In.ReadLine();
            _host.Out.WriteLine(line);
            return line;
        }

        var input = _editor.ReadLine(prompt, prompt.Length);
        return input.Kind == LineInputKind.Submitted ? input.Text : null;
    }

    private void PrintBanner(ChatContext context)
    {
        _console.MarkupLine(
            $"[bold]dbx chat[/] · {Markup.Escape(context.Definition.Name)} · {Markup.Escape(context.Connection.Spec.ToString())}"
            + $" · {context.Mode.ToName()} mode · session {Markup.Escape(context.Transcript.Id)}");
        if (context.Conversation.History.Count > 1)
        {
            _console.MarkupLine($"[grey]Resumed with {context.Conversation.History.Count - 1} earlier messages.[/]");
        }

        _console.MarkupLine("[grey]/help lists commands · Ctrl-C cancels a turn · Ctrl-D or /exit quits[/]");
    }
}
