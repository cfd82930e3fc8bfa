namespace DatabaseExpert.Agent.Models;

/// <summary>The model cannot be set up as configured; the message says what to change.</summary>
public sealed class ModelConfigurationException(string message) : Exception(message);
