using Microsoft.AspNetCore.Http;

namespace DatabaseExpert.Testing.Models.Internal;

/// <summary>How one provider's API renders scripted steps on the wire.</summary>
internal interface IModelProtocol
{
    /// <summary>A name for error messages, e.g. "OpenAI Chat Completions".</summary>
    string Name { get; }

    /// <summary>The route the server answers with scripted steps (POST), as shown in messages.</summary>
    string Route { get; }

    /// <summary>True for a path this protocol answers (a provider may have more than one spelling of its route).</summary>
    bool Answers(string path);

    /// <summary>The response header that carries the request id (clients put it into their exceptions).</summary>
    string RequestIdHeader { get; }

    /// <summary>Rejects steps this protocol cannot express, at enqueue time, with a message saying how to fix them.</summary>
    void Validate(ModelStep step);

    Task WriteReplyAsync(HttpContext context, ReplyContext reply, ModelReply step, CancellationToken cancellationToken);

    Task WriteMalformedAsync(HttpContext context, ReplyContext reply, CancellationToken cancellationToken);

    /// <summary>Writes the status with the protocol's JSON error envelope; headers are already set.</summary>
    Task WriteErrorAsync(HttpContext context, int statusCode, string message, CancellationToken cancellationToken);
}

/// <summary>Facts about the request being answered that every rendered response needs.</summary>
internal sealed record ReplyContext(RecordedRequest Request, string Model, DateTimeOffset Now)
{
    public long CreatedUnixSeconds => Now.ToUnixTimeSeconds();
}
