using DatabaseExpert.Agent.Runtime;
using Spectre.Console;

namespace DatabaseExpert.Cli.Chat;

/// <summary>Renders a turn in the REPL: the answer as markdown, each tool call as a line with its outcome and duration.</summary>
public sealed class ConsoleObserver(IAnsiConsole console) : IAgentObserver
{
    private readonly MarkdownRenderer _markdown = new(console);

    public void OnText(string delta) => _markdown.Write(delta);

    public void OnToolStarting(ToolCallEvent call)
    {
        _markdown.Flush();
        console.MarkupLine($"[grey]⏺[/] [bold]{Markup.Escape(call.Tool)}[/]([grey]{Markup.Escape(call.ArgumentsSummary)}[/])");
    }

    public void OnToolFinished(ToolCallEvent call, ToolCallResult result)
    {
        var (mark, color) = result.Status switch
        {
            ToolCallStatus.Succeeded => ("✓", "green"),
            ToolCallStatus.Denied => ("✗ denied", "yellow"),
            _ => ("✗ error", "red"),
        };
        console.MarkupLine(
            $"  [grey]⎿[/] [{color}]{mark}[/] {Markup.Escape(result.Summary)} [grey]· {FormatDuration(result.Duration)}[/]");
    }

    public void OnNotice(string message)
    {
        _markdown.Flush();
        console.MarkupLine($"[yellow]![/] {Markup.Escape(message)}");
    }

    /// <summary>Ends the answer: prints any unfinished line.</summary>
    public void Complete() => _markdown.Flush();

    internal static string FormatDuration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => $"{duration.TotalMilliseconds:0} ms",
        < 60 => $"{duration.TotalSeconds:0.0} s",
        _ => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
    };
}
