using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DatabaseExpert.Testing.Models.Internal;

/// <summary>
/// OpenAI Chat Completions as the real API sends it: a <c>chat.completion</c> object, or <c>chat.completion.chunk</c>
/// events ending with a <c>finish_reason</c> chunk, an optional usage chunk (empty <c>choices</c>) and <c>[DONE]</c>.
/// </summary>
internal sealed class OpenAIProtocol : IModelProtocol
{
    private const string Fingerprint = "fp_scripted";

    public string Name => "OpenAI Chat Completions";

    public string RequestIdHeader => "x-request-id";

    public string Route => "/v1/chat/completions";

    /// <summary>
    /// The OpenAI route, and Azure OpenAI's <c>/openai/deployments/{deployment}/chat/completions</c>: the body is the
    /// same protocol, the deployment name stands in for the model.
    /// </summary>
    public bool Answers(string path) =>
        string.Equals(path, Route, StringComparison.Ordinal)
        || (path.StartsWith("/openai/deployments/", StringComparison.Ordinal) && path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public void Validate(ModelStep step)
    {
        if (step is ModelReply reply)
        {
            foreach (var call in reply.Calls)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(call.Name, nameof(ToolCall.Name));
                ArgumentNullException.ThrowIfNull(call.ArgumentsJson, nameof(ToolCall.ArgumentsJson));
            }
        }
    }

    public async Task WriteReplyAsync(HttpContext context, ReplyContext reply, ModelReply step,
        CancellationToken cancellationToken)
    {
        if (reply.Request.IsStreaming)
        {
            await StreamAsync(context, reply, step, cancellationToken);
            return;
        }

        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = step.Content,
            ["refusal"] = null,
        };
        if (step.HasToolCalls)
        {
            var calls = new JsonArray();
            for (var i = 0; i < step.Calls.Count; i++)
            {
                var call = step.Calls[i];
                calls.Add(new JsonObject
                {
                    ["id"] = CallId(reply, call, i),
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
                });
            }

            message["tool_calls"] = calls;
        }

        message["annotations"] = new JsonArray();
        var completion = new JsonObject
        {
            ["id"] = CompletionId(reply),
            ["object"] = "chat.completion",
            ["created"] = reply.CreatedUnixSeconds,
            ["model"] = reply.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = FinishReason(step),
            }),
            ["usage"] = Usage(step.Usage ?? ModelUsage.None),
            ["service_tier"] = "default",
            ["system_fingerprint"] = Fingerprint,
        };
        await WriteJsonAsync(context, StatusCodes.Status200OK, completion, cancellationToken);
    }

    public async Task WriteMalformedAsync(HttpContext context, ReplyContext reply, CancellationToken cancellationToken)
    {
        if (!reply.Request.IsStreaming)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"{{CompletionId(reply)}}","object":"chat.comp""", cancellationToken);
            return;
        }

        var sse = await SseWriter.StartAsync(context, cancellationToken);
        var includeUsage = IncludeUsage(reply.Request);
        await sse.WriteAsync(null, Chunk(reply, Delta(role: true, content: ""), null, includeUsage), cancellationToken);
        await sse.WriteAsync(null, Chunk(reply, new JsonObject { ["content"] = "partial" }, null, includeUsage), cancellationToken);
        await sse.WriteAsync(null, "{not json", cancellationToken);
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode, string message, CancellationToken cancellationToken)
    {
        var (type, code) = statusCode switch
        {
            401 => ("invalid_request_error", "invalid_api_key"),
            404 => ("invalid_request_error", "not_found"),
            429 => ("requests", "rate_limit_exceeded"),
            >= 500 => ("server_error", (string?)null),
            _ => ("invalid_request_error", null),
        };
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = type,
                ["param"] = null,
                ["code"] = code,
            },
        };
        return WriteJsonAsync(context, statusCode, error, cancellationToken);
    }

    private static async Task StreamAsync(HttpContext context, ReplyContext reply, ModelReply step,
        CancellationToken cancellationToken)
    {
        var includeUsage = IncludeUsage(reply.Request);
        var sse = await SseWriter.StartAsync(context, cancellationToken);

        // Like the real API: the first chunk carries the role, text arrives as content deltas, each tool call
        // opens with index+id+type+name and then receives its arguments in pieces.
        await sse.WriteAsync(null, Chunk(reply, Delta(role: true, content: step.Content is null ? null : ""), null, includeUsage),
            cancellationToken);
        if (!string.IsNullOrEmpty(step.Content))
        {
            foreach (var piece in TextSplitter.Split(step.Content, step.TextChunks))
            {
                await sse.WriteAsync(null, Chunk(reply, new JsonObject { ["content"] = piece }, null, includeUsage),
                    cancellationToken);
            }
        }

        for (var i = 0; i < step.Calls.Count; i++)
        {
            var call = step.Calls[i];
            var opening = ToolCallDelta(i, CallId(reply, call, i), new JsonObject { ["name"] = call.Name, ["arguments"] = "" });
            await sse.WriteAsync(null, Chunk(reply, ToolCallsDelta(opening), null, includeUsage), cancellationToken);
            foreach (var piece in TextSplitter.Split(call.ArgumentsJson, step.ArgumentChunks))
            {
                if (piece.Length == 0)
                {
                    continue;
                }

                var delta = ToolCallDelta(i, null, new JsonObject { ["arguments"] = piece });
                await sse.WriteAsync(null, Chunk(reply, ToolCallsDelta(delta), null, includeUsage), cancellationToken);
            }
        }

        await sse.WriteAsync(null, Chunk(reply, new JsonObject(), FinishReason(step), includeUsage), cancellationToken);
        if (includeUsage)
        {
            var usageChunk = ChunkEnvelope(reply, new JsonArray());
            usageChunk["usage"] = Usage(step.Usage ?? ModelUsage.None);
            await sse.WriteAsync(null, Json.Serialize(usageChunk), cancellationToken);
        }

        await sse.WriteAsync(null, "[DONE]", cancellationToken);
    }

    private static JsonObject Delta(bool role, string? content)
    {
        var delta = new JsonObject();
        if (role)
        {
            delta["role"] = "assistant";
        }

        delta["content"] = content;
        delta["refusal"] = null;
        return delta;
    }

    // Clients match argument deltas to calls by "index"; only the opening delta carries id, type and name.
    private static JsonObject ToolCallDelta(int index, string? id, JsonObject function)
    {
        var call = new JsonObject { ["index"] = index };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }

        call["function"] = function;
        return call;
    }

    private static JsonObject ToolCallsDelta(JsonObject call) => new() { ["tool_calls"] = new JsonArray(call) };

    private static string Chunk(ReplyContext reply, JsonObject delta, string? finishReason, bool includeUsage)
    {
        var chunk = ChunkEnvelope(reply, new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }));
        if (includeUsage)
        {
            // With include_usage every chunk but the last carries "usage": null.
            chunk["usage"] = null;
        }

        return Json.Serialize(chunk);
    }

    private static JsonObject ChunkEnvelope(ReplyContext reply, JsonArray choices) => new()
    {
        ["id"] = CompletionId(reply),
        ["object"] = "chat.completion.chunk",
        ["created"] = reply.CreatedUnixSeconds,
        ["model"] = reply.Model,
        ["service_tier"] = "default",
        ["system_fingerprint"] = Fingerprint,
        ["choices"] = choices,
    };

    private static JsonObject Usage(ModelUsage usage) => new()
    {
        ["prompt_tokens"] = usage.InputTokens,
        ["completion_tokens"] = usage.OutputTokens,
        ["total_tokens"] = usage.TotalTokens,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
        ["completion_tokens_details"] = new JsonObject
        {
            ["reasoning_tokens"] = 0,
            ["audio_tokens"] = 0,
            ["accepted_prediction_tokens"] = 0,
            ["rejected_prediction_tokens"] = 0,
        },
    };

    private static bool IncludeUsage(RecordedRequest request) =>
        request.Json is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty("stream_options", out var options)
        && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("include_usage", out var include)
        && include.ValueKind == JsonValueKind.True;

    private static string FinishReason(ModelReply step) => step.HasToolCalls ? "tool_calls" : "stop";

    private static string CompletionId(ReplyContext reply) =>
        "chatcmpl-scripted-" + reply.Request.Sequence.ToString(CultureInfo.InvariantCulture);

    private static string CallId(ReplyContext reply, ToolCall call, int index) =>
        call.Id ?? string.Create(CultureInfo.InvariantCulture, $"call_scripted_{reply.Request.Sequence}_{index}");

    private static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonObject body,
        CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Json.Serialize(body), cancellationToken);
    }
}
