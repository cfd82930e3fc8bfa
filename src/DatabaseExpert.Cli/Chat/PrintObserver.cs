using DatabaseExpert.Agent.Runtime;

namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// For <c>dbx chat -p</c>: the answer goes to stdout as the model wrote it (markdown, unrendered, pipe-friendly);
/// tool activity and notices go to stderr, one line each.
/// </summary>
public sealed class PrintObserver(TextWriter output, TextWriter log) : IAgentObserver
{
    public void OnText(string delta)
    {
        output.Write(delta);
        output.Flush();
    }

    public void OnToolStarting(ToolCallEvent call)
    {
    }

    public void OnToolFinished(ToolCallEvent call, ToolCallResult result) =>
        log.WriteLine($"dbx: {call.Tool}({call.ArgumentsSummary}) → {result.Status.ToString().ToLowerInvariant()}: "
            + $"{result.Summary} ({ConsoleObserver.FormatDuration(result.Duration)})");

    public void OnNotice(string message) => log.WriteLine($"dbx: {message}");
}
