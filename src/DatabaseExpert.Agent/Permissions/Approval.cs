namespace DatabaseExpert.Agent.Permissions;

/// <summary>What the user is asked to approve: the tool, a one-line summary, and a preview (a diff or the command).</summary>
public sealed record ApprovalRequest(string Tool, ToolAccess Access, string Summary, string? Preview, string Reason);

public enum ApprovalChoice
{
    Approve,

    /// <summary>Approve this call and every later call of the same access class in this session.</summary>
    ApproveForSession,

    Deny,
}

public sealed record ApprovalResponse(ApprovalChoice Choice, string? Note = null)
{
    public static ApprovalResponse Approved { get; } = new(ApprovalChoice.Approve);
}

/// <summary>Asks a human. The REPL asks on the terminal; non-interactive front ends refuse with the way out.</summary>
public interface IApprovalPrompt
{
    Task<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken);
}

/// <summary>For <c>dbx chat -p</c> and other unattended runs: nobody can answer, so the call is refused with the fix.</summary>
public sealed class NonInteractiveApproval : IApprovalPrompt
{
    public Task<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ApprovalResponse(
            ApprovalChoice.Deny,
            $"{request.Tool} needs approval ({request.Reason}) and nobody can approve in a non-interactive run; "
            + "rerun with --permission-mode accept-edits or bypass, or add an allow pattern in agent.yaml"));
}
