namespace DatabaseExpert.Testing.Models;

/// <summary>A successful assistant message: optional text, then zero or more tool calls.</summary>
public sealed record ModelReply : ModelStep
{
    private readonly int _textChunks = 1;
    private readonly int _argumentChunks = 3;

    public ModelReply(string? text, IReadOnlyList<ToolCall> toolCalls)
    {
        ArgumentNullException.ThrowIfNull(toolCalls);
        Content = text;
        Calls = toolCalls;
    }

    /// <summary>The assistant text, or null for a tool-calls-only message.</summary>
    public string? Content { get; }

    /// <summary>The tool calls, in order; empty for a plain answer.</summary>
    public IReadOnlyList<ToolCall> Calls { get; }

    /// <summary>How many streaming deltas the text is split into (at most one per character).</summary>
    public int TextChunks
    {
        get => _textChunks;
        init => _textChunks = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TextChunks), value, "Text needs at least one chunk.");
    }

    /// <summary>How many streaming deltas each tool call's JSON arguments are split into.</summary>
    public int ArgumentChunks
    {
        get => _argumentChunks;
        init => _argumentChunks = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ArgumentChunks), value, "Arguments need at least one chunk.");
    }

    /// <summary>Token counts reported in the protocol's usage fields; zeros when not scripted.</summary>
    public ModelUsage? Usage { get; init; }

    public ModelReply WithUsage(int inputTokens, int outputTokens) => this with { Usage = new ModelUsage(inputTokens, outputTokens) };

    public ModelReply WithChunks(int textChunks, int argumentChunks = 3) =>
        this with { TextChunks = textChunks, ArgumentChunks = argumentChunks };

    internal bool HasToolCalls => Calls.Count > 0;
}
