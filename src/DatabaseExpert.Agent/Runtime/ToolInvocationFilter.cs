using System.Diagnostics;
using System.Text.Json;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Agent.Security;
using DatabaseExpert.Agent.Tools;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Runtime;

/// <summary>
/// Sits between the model's tool requests and the tools: enforces the tool-round limit, previews and permission
/// decisions, approvals, and reports each call to the observer. A refused call still returns a result, so the model
/// learns why and can adapt instead of the turn failing.
/// </summary>
internal sealed class ToolInvocationFilter(AgentRuntime runtime) : IAutoFunctionInvocationFilter
{
    private readonly HashSet<ToolAccess> _approvedForSession = [];

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var observer = runtime.Observer;
        var cancellationToken = context.CancellationToken.CanBeCanceled ? context.CancellationToken : runtime.TurnCancellation;
        var tool = runtime.Catalog.Find(context.Function);
        var call = new ToolCallEvent(
            context.ToolCallId ?? $"{context.RequestSequenceIndex}.{context.FunctionSequenceIndex}",
            context.Function.Name,
            SummarizeArguments(context.Arguments));

        if (context.RequestSequenceIndex >= runtime.MaxToolRounds)
        {
            runtime.RoundLimitReached = true;
            context.Result = new FunctionResult(
                context.Function,
                $"Not run: this turn reached its limit of {runtime.MaxToolRounds} tool rounds. Summarise what you found and what is left.");
            context.Terminate = true;
            return;
        }

        observer.OnToolStarting(call);
        var stopwatch = Stopwatch.StartNew();
        if (tool is null)
        {
            Refuse(context, call, $"'{context.Function.Name}' is not a registered dbx tool", stopwatch);
            return;
        }

        // Only shell commands need their preview to be decided on. Refusing the others first keeps a plan-mode edit
        // with a stale old_string from reading as a fixable error that the model would retry.
        var early = tool.Access == ToolAccess.Execute ? null : runtime.Policy.Decide(tool.Access);
        if (early?.Outcome == PermissionOutcome.Deny)
        {
            Refuse(context, call, early.Reason, stopwatch);
            return;
        }

        var arguments = context.Arguments ?? [];
        ToolPreview? preview;
        try
        {
            preview = tool.Previewer is null ? null : await tool.Previewer.PreviewAsync(tool.Function.Name, arguments, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail(context, call, ex.Message, stopwatch);
            return;
        }

        var decision = early ?? runtime.Policy.Decide(tool.Access, preview?.Command);
        string decisionText;
        switch (decision.Outcome)
        {
            case PermissionOutcome.Deny:
                Refuse(context, call, decision.Reason, stopwatch);
                return;
            case PermissionOutcome.Ask when _approvedForSession.Contains(tool.Access):
                decisionText = "approved for this session";
                break;
            case PermissionOutcome.Ask:
                var request = new ApprovalRequest(
                    tool.DisplayName,
                    tool.Access,
                    preview?.Summary ?? call.ArgumentsSummary,
                    preview?.Detail ?? preview?.Command,
                    decision.Reason);
                ApprovalResponse response;
                try
                {
                    response = await runtime.Approval.RequestAsync(request, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    StopCancelled(context, call, "Not run: cancelled by the user.", ToolCallStatus.Denied, stopwatch);
                    return;
                }

                if (response.Choice == ApprovalChoice.Deny)
                {
                    Refuse(context, call, response.Note is null ? "the user declined this call" : response.Note, stopwatch);
                    return;
                }

                if (response.Choice == ApprovalChoice.ApproveForSession)
                {
                    _approvedForSession.Add(tool.Access);
                }

                decisionText = "approved by the user";
                break;
            default:
                decisionText = decision.Reason;
                break;
        }

        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            StopCancelled(context, call, "Cancelled by the user while running; it may have done part of its work.", ToolCallStatus.Failed, stopwatch);
            return;
        }
        catch (Exception ex)
        {
            Fail(context, call, ex.Message, stopwatch);
            return;
        }

        var text = context.Result.GetValue<object>() switch
        {
            null => string.Empty,
            string s => s,
            var other => other.ToString() ?? string.Empty,
        };
        observer.OnToolFinished(
            call, new ToolCallResult(ToolCallStatus.Succeeded, FirstLine(SecretRedactor.RedactPatterns(text)), stopwatch.Elapsed, decisionText));
    }

    private void Refuse(AutoFunctionInvocationContext context, ToolCallEvent call, string reason, Stopwatch stopwatch)
    {
        context.Result = new FunctionResult(context.Function, $"Denied: {reason}. The call did not run; adapt the plan or ask the user.");
        runtime.Observer.OnToolFinished(call, new ToolCallResult(ToolCallStatus.Denied, reason, stopwatch.Elapsed, "denied"));
    }

    /// <summary>
    /// Ends the round with this call's result instead of throwing: SK would turn the exception into a misleading
    /// "Exception while invoking function" result. The conversation closes the calls not reached and reports the
    /// turn as cancelled.
    /// </summary>
    private void StopCancelled(AutoFunctionInvocationContext context, ToolCallEvent call, string text, ToolCallStatus status, Stopwatch stopwatch)
    {
        context.Result = new FunctionResult(context.Function, text);
        context.Terminate = true;
        runtime.Observer.OnToolFinished(call, new ToolCallResult(status, "cancelled by the user", stopwatch.Elapsed, "cancelled"));
    }

    private void Fail(AutoFunctionInvocationContext context, ToolCallEvent call, string message, Stopwatch stopwatch)
    {
        context.Result = new FunctionResult(context.Function, $"Error: {message}");
        runtime.Observer.OnToolFinished(call, new ToolCallResult(ToolCallStatus.Failed, message, stopwatch.Elapsed));
    }

    internal static string SummarizeArguments(KernelArguments? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return string.Empty;
        }

        var parts = arguments.Select(a => $"{a.Key}={Shorten(Render(a.Value), 60)}");
        return Shorten(string.Join(", ", parts), 160);
    }

    // Summaries are cut short, and a cut secret is no longer recognisable by the transcript's redactor: mask first.
    private static string Render(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(SecretRedactor.RedactPatterns(s)),
        JsonElement { ValueKind: JsonValueKind.String } e => JsonSerializer.Serialize(SecretRedactor.RedactPatterns(e.GetString()!)),
        JsonElement e => SecretRedactor.RedactPatterns(e.GetRawText()),
        _ => SecretRedactor.RedactPatterns(value.ToString() ?? string.Empty),
    };

    internal static string FirstLine(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? trimmed : trimmed[..end];
        var lines = text.Count(c => c == '\n') + 1;
        return lines > 1 ? $"{Shorten(line, 100)} (+{lines - 1} lines)" : Shorten(line, 120);
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
