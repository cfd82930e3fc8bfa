namespace DatabaseExpert.Testing.Models;

/// <summary>What tests need from a scripted model server, whichever provider protocol it speaks.</summary>
public interface IScriptedModelServer : IAsyncDisposable
{
    /// <summary>The base address to give the provider SDK.</summary>
    Uri BaseUri { get; }

    /// <summary>The TCP port the server listens on (127.0.0.1).</summary>
    int Port { get; }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    IReadOnlyList<RecordedRequest> Requests { get; }

    /// <summary>How many scripted steps have not been consumed yet.</summary>
    int PendingSteps { get; }

    /// <summary>
    /// Completes when request number <paramref name="sequence"/> (1-based) has been received and recorded, before it
    /// is answered: lets a test act on a hanging request without sleeping.
    /// </summary>
    Task<RecordedRequest> WaitForRequestAsync(int sequence, CancellationToken cancellationToken);

    /// <summary>Appends steps to the script; safe while requests are running.</summary>
    void Enqueue(params ModelStep[] steps);
}
