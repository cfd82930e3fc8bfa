namespace DatabaseExpert.Agent.Runtime;

public enum ToolCallStatus
{
    Succeeded,
    Failed,
    Denied,
}

/// <summary>A tool call as users see it: the tool, a short rendering of its arguments.</summary>
public sealed record ToolCallEvent(string CallId, string Tool, string ArgumentsSummary);

public sealed record ToolCallResult(ToolCallStatus Status, string Summary, TimeSpan Duration, string? Decision = null);

/// <summary>Receives what happens during a turn, in order. Front ends render it; tests record it.</summary>
public interface IAgentObserver
{
    void OnText(string delta);

    void OnToolStarting(ToolCallEvent call);

    void OnToolFinished(ToolCallEvent call, ToolCallResult result);

    /// <summary>Something the user should know that is not part of the answer (a limit reached, a retry).</summary>
    void OnNotice(string message);
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullAgentObserver : IAgentObserver
{
    public static NullAgentObserver Instance { get; } = new();

    public void OnText(string delta)
    {
    }

    public void OnToolStarting(ToolCallEvent call)
    {
    }

    public void OnToolFinished(ToolCallEvent call, ToolCallResult result)
    {
    }

    public void OnNotice(string message)
    {
    }
}
