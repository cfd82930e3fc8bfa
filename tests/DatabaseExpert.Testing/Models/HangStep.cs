namespace DatabaseExpert.Testing.Models;

/// <summary>Accepts the request and sends nothing, not even headers, until the client gives up.</summary>
public sealed record HangStep : ModelStep;
