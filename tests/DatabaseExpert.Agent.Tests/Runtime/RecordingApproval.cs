using DatabaseExpert.Agent.Permissions;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>An approval prompt that answers from a function and remembers every request it was asked.</summary>
internal sealed class RecordingApproval(Func<ApprovalRequest, ApprovalResponse>? answer = null) : IApprovalPrompt
{
    private readonly Lock _gate = new();
    private readonly List<ApprovalRequest> _requests = [];

    public IReadOnlyList<ApprovalRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<string> AskedTools => Requests.Select(r => r.Tool).ToList();

    public Task<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }

        return Task.FromResult(answer?.Invoke(request) ?? ApprovalResponse.Approved);
    }
}
