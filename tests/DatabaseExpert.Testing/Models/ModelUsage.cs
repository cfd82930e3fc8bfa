namespace DatabaseExpert.Testing.Models;

/// <summary>Token counts for one reply: OpenAI prompt/completion tokens, Anthropic input/output tokens.</summary>
public sealed record ModelUsage(int InputTokens, int OutputTokens)
{
    public static ModelUsage None { get; } = new(0, 0);

    public int TotalTokens => InputTokens + OutputTokens;
}
