namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>How waiting for a server ended.</summary>
internal sealed record ReadinessOutcome(bool IsReady, bool IsPortTaken, int ProcessId, string? Problem)
{
    public static ReadinessOutcome Ready(int processId) => new(true, false, processId, null);

    public static ReadinessOutcome PortTaken() => new(false, true, 0, "the port was taken by another process");

    public static ReadinessOutcome Failed(string problem) => new(false, false, 0, problem);
}
