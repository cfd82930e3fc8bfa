using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Security;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Sessions;

/// <summary>Facts recorded at the head of a transcript.</summary>
public sealed record SessionHeader(string Id, DateTimeOffset CreatedAt, string Agent, string Model, string Workspace);

/// <summary>
/// A conversation saved as JSON Lines under <c>.dbx/sessions/</c>: one record per message, tool call, notice and turn,
/// appended and flushed as they happen so a crash loses at most the line being written. Every string passes through
/// the <see cref="SecretRedactor"/> first. The format is documented in docs/sessions.md.
/// </summary>
public sealed class SessionTranscript : IDisposable
{
    public const int FormatVersion = 1;

    private readonly StreamWriter _writer;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private SessionTranscript(string id, string path, StreamWriter writer, SecretRedactor redactor, TimeProvider time)
    {
        Id = id;
        FilePath = path;
        _writer = writer;
        _redactor = redactor;
        _time = time;
    }

    public string Id { get; }

    public string FilePath { get; }

    /// <summary>Starts a new transcript file named after the session id.</summary>
    public static SessionTranscript Create(string directory, SessionHeader header, SecretRedactor redactor, TimeProvider? time = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, header.Id + SessionStore.Extension);
        var writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        var transcript = new SessionTranscript(header.Id, path, writer, redactor, time ?? TimeProvider.System);
        transcript.Write(new JsonObject
        {
            ["type"] = "session",
            ["version"] = FormatVersion,
            ["id"] = header.Id,
            ["createdAt"] = header.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["agent"] = header.Agent,
            ["model"] = header.Model,
            ["workspace"] = header.Workspace,
        });
        return transcript;
    }

    /// <summary>Continues an existing transcript (for <c>--resume</c>): new records are appended to it.</summary>
    public static SessionTranscript Append(string path, string id, SecretRedactor redactor, TimeProvider? time = null)
    {
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        var transcript = new SessionTranscript(id, path, writer, redactor, time ?? TimeProvider.System);
        transcript.Write(new JsonObject { ["type"] = "resume" });
        return transcript;
    }

    /// <summary>Appends the messages the turn added to the history (user, assistant, tool results) and the turn's outcome.</summary>
    public void RecordTurn(ChatHistory history, int start, TokenUsage usage, TurnStop stop, string? error)
    {
        foreach (var message in history.Skip(start))
        {
            if (ToRecord(message) is { } record)
            {
                Write(record);
            }
        }

        Write(new JsonObject
        {
            ["type"] = "turn",
            ["stop"] = stop.ToString().ToLowerInvariant(),
            ["usage"] = new JsonObject { ["input"] = usage.InputTokens, ["output"] = usage.OutputTokens },
            ["error"] = error,
        });
    }

    public void RecordToolCall(ToolCallEvent call, ToolCallResult result) => Write(new JsonObject
    {
        ["type"] = "tool",
        ["callId"] = call.CallId,
        ["tool"] = call.Tool,
        ["arguments"] = call.ArgumentsSummary,
        ["status"] = result.Status.ToString().ToLowerInvariant(),
        ["summary"] = result.Summary,
        ["durationMs"] = Math.Round(result.Duration.TotalMilliseconds, 1),
        ["decision"] = result.Decision,
    });

    public void RecordNotice(string text) => Write(new JsonObject { ["type"] = "notice", ["text"] = text });

    public void RecordClear() => Write(new JsonObject { ["type"] = "clear" });

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    /// <summary>The transcript record of one history message; null for the system prompt.</summary>
    public static JsonObject? ToRecord(ChatMessageContent message)
    {
        if (message.Role == AuthorRole.System)
        {
            return null;
        }

        if (message.Role == AuthorRole.Tool || message.Items.OfType<FunctionResultContent>().Any())
        {
            var result = message.Items.OfType<FunctionResultContent>().FirstOrDefault();
            return new JsonObject
            {
                ["type"] = "message",
                ["role"] = "tool",
                ["callId"] = result?.CallId,
                ["plugin"] = result?.PluginName,
                ["function"] = result?.FunctionName,
                ["text"] = ResultText(result?.Result) ?? message.Content,
            };
        }

        var record = new JsonObject
        {
            ["type"] = "message",
            ["role"] = message.Role == AuthorRole.User ? "user" : "assistant",
            ["text"] = string.Concat(message.Items.OfType<TextContent>().Select(t => t.Text)),
        };
        var calls = message.Items.OfType<FunctionCallContent>().ToList();
        if (calls.Count > 0)
        {
            var array = new JsonArray();
            foreach (var call in calls)
            {
                var arguments = ArgumentsAsWritten(call) ?? ParsedArguments(call);
                array.Add(new JsonObject
                {
                    ["id"] = call.Id,
                    ["plugin"] = call.PluginName,
                    ["function"] = call.FunctionName,
                    ["arguments"] = arguments,
                });
            }

            record["toolCalls"] = array;
        }

        return record;
    }

    /// <summary>
    /// SK's OpenAI connectors parse every argument into a string (<c>offset: "2"</c>) but keep the model's own JSON on
    /// the call; recording that JSON lets a resumed session send the call exactly as the model wrote it.
    /// </summary>
    private static JsonObject? ArgumentsAsWritten(FunctionCallContent call)
    {
        if (call.InnerContent is not OpenAI.Chat.ChatToolCall { FunctionArguments: { } written })
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(written.ToString()) as JsonObject;
        }
        catch (JsonException)
        {
            // The model wrote broken JSON; SK reported that to it. Record what SK parsed instead.
            return null;
        }
    }

    private static JsonObject ParsedArguments(FunctionCallContent call)
    {
        var arguments = new JsonObject();
        foreach (var (key, value) in call.Arguments ?? [])
        {
            arguments[key] = value switch
            {
                null => null,
                JsonElement element => JsonNode.Parse(element.GetRawText()),
                string s => s,
                _ => JsonSerializer.SerializeToNode(value, value.GetType()),
            };
        }

        return arguments;
    }

    private static string? ResultText(object? result) => result switch
    {
        null => null,
        string s => s,
        FunctionResult f => f.GetValue<object>()?.ToString(),
        _ => result.ToString(),
    };

    private void Write(JsonObject record)
    {
        record["at"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        Scrub(record);
        var line = record.ToJsonString();
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    /// <summary>Redacts every string value in place, keys and structure untouched.</summary>
    private void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = _redactor.Redact(text);
                    }
                    else
                    {
                        Scrub(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = _redactor.Redact(text);
                    }
                    else
                    {
                        Scrub(array[i]);
                    }
                }

                break;
        }
    }
}
