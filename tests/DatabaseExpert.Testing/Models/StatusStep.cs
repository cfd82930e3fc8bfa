namespace DatabaseExpert.Testing.Models;

/// <summary>
/// An HTTP error answer. <see cref="RetryAfterSeconds"/> becomes a <c>Retry-After</c> header and
/// <see cref="RetryAfterMilliseconds"/> a <c>retry-after-ms</c> header (which the Anthropic SDK prefers).
/// </summary>
public sealed record StatusStep(int StatusCode) : ModelStep
{
    public int? RetryAfterSeconds { get; init; }

    public int? RetryAfterMilliseconds { get; init; }

    /// <summary>The error message inside the provider's error envelope; a default names the status.</summary>
    public string? Message { get; init; }
}
