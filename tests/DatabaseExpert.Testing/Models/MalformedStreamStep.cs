namespace DatabaseExpert.Testing.Models;

/// <summary>A 200 stream whose good start is followed by an event that is not JSON, then the connection closes.</summary>
public sealed record MalformedStreamStep : ModelStep;
