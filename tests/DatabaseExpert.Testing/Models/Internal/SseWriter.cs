using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DatabaseExpert.Testing.Models.Internal;

/// <summary>Writes server-sent events and flushes each one, so clients see deltas as separate reads.</summary>
internal sealed class SseWriter
{
    private readonly HttpResponse _response;

    private SseWriter(HttpResponse response) => _response = response;

    public static async Task<SseWriter> StartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        return new SseWriter(response);
    }

    /// <summary>Writes one event: an optional <c>event:</c> line, one <c>data:</c> line, a blank line.</summary>
    public async Task WriteAsync(string? eventName, string data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (eventName is not null)
        {
            text.Append("event: ").Append(eventName).Append('\n');
        }

        text.Append("data: ").Append(data).Append("\n\n");
        await _response.WriteAsync(text.ToString(), Encoding.UTF8, cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }
}
