using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DatabaseExpert.Agent.Runtime;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Sessions;

public sealed record SessionSummary(string Id, string FilePath, DateTimeOffset CreatedAt, string Model, int UserMessages, string? FirstMessage);

public sealed record LoadedSession(SessionSummary Summary, ChatHistory History, TokenUsage Usage);

/// <summary>Finds, lists and reloads transcripts written by <see cref="SessionTranscript"/>.</summary>
public static class SessionStore
{
    public const string Extension = ".jsonl";

    public static string DefaultDirectory(string workspace) => Path.Combine(workspace, ".dbx", "sessions");

    /// <summary>A sortable, unique id: UTC time plus a random suffix.</summary>
    public static string NewId(TimeProvider time) =>
        time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>Sessions in the folder, newest first. Unreadable files are skipped, not fatal.</summary>
    public static IReadOnlyList<SessionSummary> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var sessions = new List<SessionSummary>();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            try
            {
                sessions.Add(Load(file).Summary);
            }
            catch (SessionFormatException)
            {
                // A damaged file must not hide the others; `dbx chat --resume <id>` reports its problem.
            }
        }

        return sessions.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Resolves an id (or a unique prefix of one; null = the newest session) to its file.</summary>
    public static string Find(string directory, string? id)
    {
        var sessions = List(directory);
        if (sessions.Count == 0)
        {
            throw new SessionFormatException($"no saved sessions in {directory}; start one with `dbx chat`");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return sessions[0].FilePath;
        }

        var matches = sessions.Where(s => s.Id.StartsWith(id.Trim(), StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].FilePath,
            0 => throw new SessionFormatException(
                $"no session '{id}' in {directory}; recent ones: {string.Join(", ", sessions.Take(5).Select(s => s.Id))}"),
            _ => throw new SessionFormatException(
                $"'{id}' matches {matches.Count} sessions ({string.Join(", ", matches.Take(5).Select(s => s.Id))}); give more of the id"),
        };
    }

    /// <summary>Rebuilds the chat history (without the system prompt) and the token totals of a transcript.</summary>
    public static LoadedSession Load(string path)
    {
        var history = new ChatHistory();
        var usage = default(TokenUsage);
        string? id = null;
        string model = string.Empty;
        DateTimeOffset created = default;
        var userMessages = 0;
        string? first = null;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonObject record;
            try
            {
                record = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not a JSON object");
            }
            catch (JsonException ex)
            {
                throw new SessionFormatException($"{path}:{lineNumber}: not a transcript record ({ex.Message})");
            }

            switch ((string?)record["type"])
            {
                case "session":
                    id = (string?)record["id"];
                    model = (string?)record["model"] ?? string.Empty;
                    created = DateTimeOffset.Parse((string?)record["createdAt"] ?? "0001-01-01", CultureInfo.InvariantCulture);
                    break;
                case "clear":
                    history.Clear();
                    break;
                case "turn" when record["usage"] is JsonObject u:
                    usage += new TokenUsage((long?)u["input"] ?? 0, (long?)u["output"] ?? 0);
                    break;
                case "message":
                    var message = ToMessage(record);
                    if (message.Role == AuthorRole.User)
                    {
                        userMessages++;
                        first ??= message.Content;
                    }

                    history.Add(message);
                    break;
            }
        }

        if (id is null)
        {
            throw new SessionFormatException($"{path}:1: the file has no session header; it was not written by dbx");
        }

        return new LoadedSession(new SessionSummary(id, path, created, model, userMessages, first), history, usage);
    }

    private static ChatMessageContent ToMessage(JsonObject record)
    {
        var text = (string?)record["text"];
        switch ((string?)record["role"])
        {
            case "user":
                return new ChatMessageContent(AuthorRole.User, text);
            case "tool":
                return new FunctionResultContent(
                    (string?)record["function"], (string?)record["plugin"], (string?)record["callId"], text).ToChatMessage();
            default:
                var message = new ChatMessageContent(AuthorRole.Assistant, text);
                if (record["toolCalls"] is JsonArray calls)
                {
                    if (string.IsNullOrEmpty(text))
                    {
                        message.Items.Clear();
                    }

                    foreach (var call in calls.OfType<JsonObject>())
                    {
                        var arguments = new KernelArguments();
                        if (call["arguments"] is JsonObject args)
                        {
                            foreach (var (key, value) in args)
                            {
                                arguments[key] = Argument(value);
                            }
                        }

                        message.Items.Add(new FunctionCallContent(
                            (string?)call["function"] ?? "unknown", (string?)call["plugin"], (string?)call["id"], arguments));
                    }
                }

                return message;
        }
    }

    /// <summary>
    /// Strings come back as strings; numbers, booleans, objects and arrays as JSON, so that a resumed session sends
    /// <c>"offset":2</c> again rather than <c>"offset":"2"</c>.
    /// </summary>
    private static object? Argument(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue text && text.TryGetValue<string>(out var s))
        {
            return s;
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }
}

/// <summary>A transcript that cannot be read; the message names the file and line.</summary>
public sealed class SessionFormatException(string message) : Exception(message);
