using DatabaseExpert.Agent.Permissions;
using Spectre.Console;

namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// Asks on the terminal before a write, edit or command runs: shows what will change (a coloured unified diff, or
/// the command) and reads one key: y = yes, a = yes for the rest of the session, n or Esc = no (then an optional
/// reason the model will see). The reason is read with its prompt passed along: the line editor draws its own prompt
/// and would erase text written before it on the same line.
/// </summary>
public sealed class TerminalApproval(IAnsiConsole console, IKeyReader keys, Func<string, string?> readReason) : IApprovalPrompt
{
    /// <summary>Called before and after the prompt so the REPL can stop Ctrl-C from cancelling the turn meanwhile.</summary>
    public Action<bool>? PromptActive { get; set; }

    public Task<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        console.WriteLine();
        console.MarkupLine($"[yellow]?[/] [bold]{Markup.Escape(request.Tool)}[/] wants to {Verb(request.Access)}: {Markup.Escape(request.Summary)}");
        if (!string.IsNullOrEmpty(request.Preview))
        {
            RenderPreview(request.Preview);
        }

        console.Markup($"  Allow? [green]y[/]es · [green]a[/]lways this session · [red]n[/]o  ");
        PromptActive?.Invoke(true);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = keys.ReadKey();
                switch (char.ToLowerInvariant(key.KeyChar))
                {
                    case 'y':
                        console.MarkupLine("[green]yes[/]");
                        return Task.FromResult(ApprovalResponse.Approved);
                    case 'a':
                        console.MarkupLine("[green]yes, for this session[/]");
                        return Task.FromResult(new ApprovalResponse(ApprovalChoice.ApproveForSession));
                    case 'n':
                    case '\u001b':
                    case '\u0003':
                        console.MarkupLine("[red]no[/]");
                        var reason = readReason("  Tell the agent why (optional, Enter to skip): ");
                        var note = string.IsNullOrWhiteSpace(reason) ? null : $"the user declined: {reason.Trim()}";
                        return Task.FromResult(new ApprovalResponse(ApprovalChoice.Deny, note));
                }
            }
        }
        finally
        {
            PromptActive?.Invoke(false);
        }
    }

    private void RenderPreview(string preview)
    {
        var lines = preview.ReplaceLineEndings("\n").Split('\n');
        const int MaxLines = 80;
        foreach (var line in lines.Take(MaxLines))
        {
            var escaped = Markup.Escape(line);
            var styled = line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => $"[bold]{escaped}[/]",
                _ when line.StartsWith('+') => $"[green]{escaped}[/]",
                _ when line.StartsWith('-') => $"[red]{escaped}[/]",
                _ when line.StartsWith("@@", StringComparison.Ordinal) => $"[aqua]{escaped}[/]",
                _ => escaped,
            };
            console.MarkupLine("    " + styled);
        }

        if (lines.Length > MaxLines)
        {
            console.MarkupLine($"    [grey]… {lines.Length - MaxLines} more lines[/]");
        }
    }

    private static string Verb(ToolAccess access) => access switch
    {
        ToolAccess.Edit => "change a file",
        ToolAccess.Execute => "run a command",
        ToolAccess.DatabaseWrite => "change the database",
        _ => "read",
    };
}
