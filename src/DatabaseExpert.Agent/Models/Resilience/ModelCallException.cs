using System.Net;

namespace DatabaseExpert.Agent.Models.Resilience;

/// <summary>
/// A model request that failed for good. The message is one line meant for users: provider, what happened,
/// how many attempts were made. No stack trace is ever shown for it.
/// </summary>
public sealed class ModelCallException : Exception
{
    public ModelCallException(string provider, string message, HttpStatusCode? status = null, int attempts = 1, Exception? inner = null)
        : base(message, inner)
    {
        Provider = provider;
        Status = status;
        Attempts = attempts;
    }

    public string Provider { get; }

    public HttpStatusCode? Status { get; }

    public int Attempts { get; }

    /// <summary>Finds the first <see cref="ModelCallException"/> in an exception chain (SDKs wrap what the handler throws).</summary>
    public static ModelCallException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is ModelCallException found)
            {
                return found;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find(inner) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }
}
