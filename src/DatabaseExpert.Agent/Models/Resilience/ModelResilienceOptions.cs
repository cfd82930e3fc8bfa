namespace DatabaseExpert.Agent.Models.Resilience;

/// <summary>How hard dbx tries to get an answer from a model endpoint. Defaults suit hosted APIs.</summary>
public sealed record ModelResilienceOptions
{
    /// <summary>Attempts per model request, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First backoff delay; doubles per attempt with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> dbx waits out; a server asking for more fails at once with that figure.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one attempt to return response headers.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Time allowed for all attempts of one request, waits included.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest silence tolerated inside a streamed answer.</summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Reads overrides from <c>DBX_MODEL_MAX_ATTEMPTS</c>, <c>DBX_MODEL_ATTEMPT_TIMEOUT</c>, <c>DBX_MODEL_TIMEOUT</c> (seconds).</summary>
    public static ModelResilienceOptions FromEnvironment(Func<string, string?> getVariable)
    {
        var options = new ModelResilienceOptions();
        if (ReadInt(getVariable, "DBX_MODEL_MAX_ATTEMPTS", 1, 10) is { } attempts)
        {
            options = options with { MaxAttempts = attempts };
        }

        if (ReadInt(getVariable, "DBX_MODEL_ATTEMPT_TIMEOUT", 1, 3600) is { } attempt)
        {
            options = options with { AttemptTimeout = TimeSpan.FromSeconds(attempt), StreamIdleTimeout = TimeSpan.FromSeconds(attempt) };
        }

        if (ReadInt(getVariable, "DBX_MODEL_TIMEOUT", 1, 7200) is { } overall)
        {
            options = options with { OverallTimeout = TimeSpan.FromSeconds(overall) };
        }

        return options;
    }

    private static int? ReadInt(Func<string, string?> getVariable, string name, int min, int max)
    {
        var text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new ModelConfigurationException($"{name}='{text}' must be a whole number of {min}..{max}");
        }

        return value;
    }
}
