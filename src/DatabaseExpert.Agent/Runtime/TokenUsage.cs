using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ChatTokenUsage = OpenAI.Chat.ChatTokenUsage;

namespace DatabaseExpert.Agent.Runtime;

/// <summary>Tokens in and out. Summed per turn (several model requests when tools run) and per session.</summary>
public readonly record struct TokenUsage(long InputTokens, long OutputTokens)
{
    public long Total => InputTokens + OutputTokens;

    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens);

    public TokenUsage Add(TokenUsage other) => this + other;

    /// <summary>
    /// Reads usage from what a connector attached to a message or chunk: SK's OpenAI connectors put the SDK's
    /// <see cref="ChatTokenUsage"/> under the "Usage" metadata key; SK's IChatClient bridge (Anthropic) puts the
    /// <see cref="UsageContent"/> of a streamed update there, and Microsoft.Extensions.AI usage in the inner response.
    /// </summary>
    public static TokenUsage? From(KernelContent content) => From(content.Metadata, content.InnerContent);

    /// <inheritdoc cref="From(KernelContent)"/>
    public static TokenUsage? From(StreamingKernelContent content) => From(content.Metadata, content.InnerContent);

    private static TokenUsage? From(IReadOnlyDictionary<string, object?>? metadata, object? inner)
    {
        if (metadata is not null && metadata.TryGetValue("Usage", out var usage))
        {
            switch (usage)
            {
                case ChatTokenUsage openAI:
                    return new TokenUsage(openAI.InputTokenCount, openAI.OutputTokenCount);
                case UsageDetails details:
                    return FromDetails(details);
                case UsageContent content:
                    return FromDetails(content.Details);
            }
        }

        return inner switch
        {
            ChatResponseUpdate update => Sum(update.Contents),
            ChatResponse response when response.Usage is { } details => FromDetails(details),
            ChatMessage message => Sum(message.Contents),
            _ => null,
        };
    }

    private static TokenUsage? Sum(IEnumerable<AIContent> contents)
    {
        TokenUsage? total = null;
        foreach (var usage in contents.OfType<UsageContent>())
        {
            total = (total ?? default) + FromDetails(usage.Details);
        }

        return total;
    }

    private static TokenUsage FromDetails(UsageDetails details) =>
        new(details.InputTokenCount ?? 0, details.OutputTokenCount ?? 0);
}
