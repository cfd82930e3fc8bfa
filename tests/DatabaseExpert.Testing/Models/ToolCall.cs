namespace DatabaseExpert.Testing.Models;

/// <summary>
/// A tool call the scripted model asks for. <paramref name="ArgumentsJson"/> is sent as the model would write it
/// (OpenAI: a string that may even be invalid JSON; Anthropic: must be a JSON object).
/// Without an <paramref name="Id"/> the server generates <c>call_scripted_{request}_{index}</c> (OpenAI) or
/// <c>toolu_scripted_{request}_{index}</c> (Anthropic).
/// </summary>
public sealed record ToolCall(string Name, string ArgumentsJson, string? Id = null);
