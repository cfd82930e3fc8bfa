namespace DatabaseExpert.Testing.Models;

/// <summary>
/// One scripted answer of a fake model server. A script is a queue of steps; each HTTP request to the model
/// route consumes exactly one step, whichever provider protocol the server speaks.
/// </summary>
public abstract record ModelStep
{
    private protected ModelStep()
    {
    }

    /// <summary>An assistant message with text only; streamed in <paramref name="chunks"/> pieces.</summary>
    public static ModelReply Text(string text, int chunks = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ModelReply(text, []) { TextChunks = chunks };
    }

    /// <summary>An assistant message that asks for one or more tool calls (and no text).</summary>
    public static ModelReply ToolCalls(params ToolCall[] calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Length == 0)
        {
            throw new ArgumentException("ToolCalls needs at least one ToolCall; use ModelStep.Text for a plain answer.", nameof(calls));
        }

        return new ModelReply(null, calls);
    }

    /// <summary>An assistant message with text followed by tool calls (models often explain before acting).</summary>
    public static ModelReply TextAndToolCalls(string text, params ToolCall[] calls)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(calls);
        return new ModelReply(text, calls);
    }

    /// <summary>An HTTP error in the provider's error envelope, e.g. 429 with Retry-After, 500, 529.</summary>
    public static StatusStep Status(int statusCode, int? retryAfterSeconds = null, int? retryAfterMilliseconds = null,
        string? message = null)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode,
                "ModelStep.Status scripts an error: use a status from 400 to 599 (successes are ModelStep.Text / ToolCalls).");
        }

        if (retryAfterSeconds is < 0 || retryAfterMilliseconds is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfterSeconds), "Retry-After values cannot be negative.");
        }

        return new StatusStep(statusCode)
        {
            RetryAfterSeconds = retryAfterSeconds,
            RetryAfterMilliseconds = retryAfterMilliseconds,
            Message = message,
        };
    }

    /// <summary>Accepts the request and never answers until the client cancels or the server is disposed.</summary>
    public static HangStep Hang() => new();

    /// <summary>
    /// 200 with a stream that starts well and then carries a <c>data: {not json</c> event before closing.
    /// A non-streaming request gets a truncated JSON body instead.
    /// </summary>
    public static MalformedStreamStep MalformedStream() => new();
}
