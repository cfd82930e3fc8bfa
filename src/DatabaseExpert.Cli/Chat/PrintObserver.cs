using DatabaseExpert.Agent.Runtime;

namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// For <c>dbx chat -p</c>: the answer goes to stdout as the model wrote it (markdown, unrendered, pipe-friendly);
/// tool activity and notices go to stderr, one line each, secrets masked (stderr often ends up in CI logs).
/// </summary>
public sealed class PrintObserver(TextWriter output, TextWriter log, Func<string, string> redact) : IAgentObserver
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
        log.WriteLine(redact($"dbx: {call.Tool}({call.ArgumentsSummary}) → {result.Status.ToString().ToLowerInvariant()}: "
            + $"{result.Summary} ({ConsoleObserver.FormatDuration(result.Duration)})"));

    public void OnNotice(string message) => log.WriteLine(redact($"dbx: {message}"));
}
