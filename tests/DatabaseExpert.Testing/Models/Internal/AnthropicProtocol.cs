using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DatabaseExpert.Testing.Models.Internal;

/// <summary>
/// Anthropic Messages as the real API sends it: a <c>message</c> object, or the event sequence
/// <c>message_start</c>, per block <c>content_block_start</c>/<c>content_block_delta</c>/<c>content_block_stop</c>,
/// <c>message_delta</c> (stop reason, cumulative usage), <c>message_stop</c>, each with an <c>event:</c> line.
/// </summary>
internal sealed class AnthropicProtocol : IModelProtocol
{
    public string Name => "Anthropic Messages";

    public string RequestIdHeader => "request-id";

    public string Route => "/v1/messages";

    public bool Answers(string path) => string.Equals(path, Route, StringComparison.Ordinal);

    public void Validate(ModelStep step)
    {
        if (step is not ModelReply reply)
        {
            return;
        }

        foreach (var call in reply.Calls)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(call.Name, nameof(ToolCall.Name));
            if (ParseInput(call) is null)
            {
                throw new ArgumentException(
                    $"Tool call '{call.Name}': Anthropic sends tool input as a JSON object, but the scripted arguments are " +
                    $"'{call.ArgumentsJson}'. Script a JSON object such as {{\"path\":\"a.txt\"}}.", nameof(step));
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

        var content = new JsonArray();
        if (step.Content is not null || !step.HasToolCalls)
        {
            content.Add(TextBlock(step.Content ?? ""));
        }

        for (var i = 0; i < step.Calls.Count; i++)
        {
            var call = step.Calls[i];
            content.Add(ToolUseBlock(reply, call, i, ParseInput(call)!));
        }

        var message = Message(reply, content, StopReason(step), Usage(step.Usage ?? ModelUsage.None));
        await WriteJsonAsync(context, StatusCodes.Status200OK, message, cancellationToken);
    }

    public async Task WriteMalformedAsync(HttpContext context, ReplyContext reply, CancellationToken cancellationToken)
    {
        if (!reply.Request.IsStreaming)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"{{MessageId(reply)}}","type":"mess""", cancellationToken);
            return;
        }

        var sse = await SseWriter.StartAsync(context, cancellationToken);
        await WriteEventAsync(sse, "message_start", MessageStart(reply, ModelUsage.None), cancellationToken);
        await WriteEventAsync(sse, "content_block_start", BlockStart(0, TextBlock("")), cancellationToken);
        await WriteEventAsync(sse, "content_block_delta", BlockDelta(0, TextDelta("partial")), cancellationToken);
        await sse.WriteAsync("content_block_delta", "{not json", cancellationToken);
    }

    public Task WriteErrorAsync(HttpContext context, int statusCode, string message, CancellationToken cancellationToken)
    {
        var type = statusCode switch
        {
            400 => "invalid_request_error",
            401 => "authentication_error",
            403 => "permission_error",
            404 => "not_found_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            529 => "overloaded_error",
            >= 500 => "api_error",
            _ => "invalid_request_error",
        };
        var error = new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
            ["request_id"] = RequestId(context),
        };
        return WriteJsonAsync(context, statusCode, error, cancellationToken);
    }

    private static async Task StreamAsync(HttpContext context, ReplyContext reply, ModelReply step,
        CancellationToken cancellationToken)
    {
        var usage = step.Usage ?? ModelUsage.None;
        var sse = await SseWriter.StartAsync(context, cancellationToken);
        await WriteEventAsync(sse, "message_start", MessageStart(reply, usage), cancellationToken);

        // The real API interleaves pings; clients must skip them.
        await WriteEventAsync(sse, "ping", new JsonObject { ["type"] = "ping" }, cancellationToken);

        var index = 0;
        if (step.Content is not null || !step.HasToolCalls)
        {
            await WriteEventAsync(sse, "content_block_start", BlockStart(index, TextBlock("")), cancellationToken);
            if (!string.IsNullOrEmpty(step.Content))
            {
                foreach (var piece in TextSplitter.Split(step.Content, step.TextChunks))
                {
                    await WriteEventAsync(sse, "content_block_delta", BlockDelta(index, TextDelta(piece)), cancellationToken);
                }
            }

            await WriteEventAsync(sse, "content_block_stop", BlockStop(index), cancellationToken);
            index++;
        }

        for (var i = 0; i < step.Calls.Count; i++, index++)
        {
            var call = step.Calls[i];
            await WriteEventAsync(sse, "content_block_start", BlockStart(index, ToolUseBlock(reply, call, i, new JsonObject())),
                cancellationToken);

            // The real API opens every input stream with an empty partial_json.
            await WriteEventAsync(sse, "content_block_delta", BlockDelta(index, InputJsonDelta("")), cancellationToken);
            foreach (var piece in TextSplitter.Split(call.ArgumentsJson, step.ArgumentChunks))
            {
                await WriteEventAsync(sse, "content_block_delta", BlockDelta(index, InputJsonDelta(piece)), cancellationToken);
            }

            await WriteEventAsync(sse, "content_block_stop", BlockStop(index), cancellationToken);
        }

        var messageDelta = new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(step), ["stop_sequence"] = null },
            ["usage"] = DeltaUsage(usage),
        };
        await WriteEventAsync(sse, "message_delta", messageDelta, cancellationToken);
        await WriteEventAsync(sse, "message_stop", new JsonObject { ["type"] = "message_stop" }, cancellationToken);
    }

    private static Task WriteEventAsync(SseWriter sse, string name, JsonObject data, CancellationToken cancellationToken) =>
        sse.WriteAsync(name, Json.Serialize(data), cancellationToken);

    private static JsonObject MessageStart(ReplyContext reply, ModelUsage usage)
    {
        // message_start reports the input tokens and a first output count; message_delta carries the final totals.
        var startUsage = Usage(usage with { OutputTokens = Math.Min(1, usage.OutputTokens) });
        return new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = Message(reply, new JsonArray(), null, startUsage),
        };
    }

    private static JsonObject Message(ReplyContext reply, JsonArray content, string? stopReason, JsonObject usage) => new()
    {
        ["id"] = MessageId(reply),
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = reply.Model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
        ["usage"] = usage,
    };

    private static JsonObject BlockStart(int index, JsonObject block) => new()
    {
        ["type"] = "content_block_start",
        ["index"] = index,
        ["content_block"] = block,
    };

    private static JsonObject BlockDelta(int index, JsonObject delta) => new()
    {
        ["type"] = "content_block_delta",
        ["index"] = index,
        ["delta"] = delta,
    };

    private static JsonObject BlockStop(int index) => new() { ["type"] = "content_block_stop", ["index"] = index };

    private static JsonObject TextBlock(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject TextDelta(string text) => new() { ["type"] = "text_delta", ["text"] = text };

    private static JsonObject InputJsonDelta(string partialJson) =>
        new() { ["type"] = "input_json_delta", ["partial_json"] = partialJson };

    private static JsonObject ToolUseBlock(ReplyContext reply, ToolCall call, int index, JsonObject input) => new()
    {
        ["type"] = "tool_use",
        ["id"] = call.Id ?? string.Create(CultureInfo.InvariantCulture, $"toolu_scripted_{reply.Request.Sequence}_{index}"),
        ["name"] = call.Name,
        ["input"] = input,
    };

    private static JsonObject Usage(ModelUsage usage) => new()
    {
        ["input_tokens"] = usage.InputTokens,
        ["cache_creation_input_tokens"] = 0,
        ["cache_read_input_tokens"] = 0,
        ["output_tokens"] = usage.OutputTokens,
        ["service_tier"] = "standard",
    };

    private static JsonObject DeltaUsage(ModelUsage usage) => new()
    {
        ["input_tokens"] = usage.InputTokens,
        ["cache_creation_input_tokens"] = 0,
        ["cache_read_input_tokens"] = 0,
        ["output_tokens"] = usage.OutputTokens,
    };

    private static string StopReason(ModelReply step) => step.HasToolCalls ? "tool_use" : "end_turn";

    private static JsonObject? ParseInput(ToolCall call)
    {
        try
        {
            return JsonNode.Parse(call.ArgumentsJson ?? "") as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string MessageId(ReplyContext reply) =>
        "msg_scripted_" + reply.Request.Sequence.ToString(CultureInfo.InvariantCulture);

    private static string? RequestId(HttpContext context) => context.Response.Headers["request-id"].ToString() is { Length: > 0 } id
        ? id
        : null;

    private static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonObject body,
        CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Json.Serialize(body), cancellationToken);
    }
}
