using DatabaseExpert.Agent.Models.Resilience;

namespace DatabaseExpert.Agent.Runtime;

public enum TurnStop
{
    /// <summary>The model answered.</summary>
    Completed,

    /// <summary>The user cancelled (Ctrl-C); the conversation goes on.</summary>
    Cancelled,

    /// <summary>The tool-round limit ended the turn before a final answer.</summary>
    ToolLimit,

    /// <summary>The model call failed for good; <see cref="TurnResult.Error"/> says why.</summary>
    Failed,
}

public sealed record TurnResult(string Text, TokenUsage Usage, TurnStop Stop, ModelCallException? Error = null);
