namespace DatabaseExpert.Testing.Models;

/// <summary>Settings shared by the scripted model servers.</summary>
public sealed record ScriptedServerOptions
{
    /// <summary>Clock for <see cref="RecordedRequest.ReceivedAt"/>, <see cref="RecordedRequest.SinceServerStart"/>
    /// and the <c>created</c> timestamps of responses.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Steps queued before the first request.</summary>
    public IReadOnlyList<ModelStep> Steps { get; init; } = [];
}
