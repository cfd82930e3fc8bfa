using System.Text;
using DatabaseExpert.Agent.Models.Resilience;
using DatabaseExpert.Agent.Sessions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Runtime;

/// <summary>
/// One conversation with the agent: the chat history, token totals, and the transcript on disk. Each turn streams
/// text to the observer, lets Semantic Kernel run the tools the model asks for (through the approval filter), and
/// leaves the history valid for the next request whatever happened (answer, Ctrl-C, tool limit or failure).
/// </summary>
public sealed class Conversation
{
    private readonly AgentRuntime _runtime;
    private readonly SessionTranscript? _transcript;

    public Conversation(AgentRuntime runtime, SessionTranscript? transcript = null, ChatHistory? history = null, TokenUsage usage = default)
    {
        _runtime = runtime;
        _transcript = transcript;
        History = history ?? [];
        Usage = usage;
        if (History.Count == 0 || History[0].Role != AuthorRole.System)
        {
            History.Insert(0, new ChatMessageContent(AuthorRole.System, runtime.SystemPrompt));
        }
        else
        {
            // A resumed session runs with today's persona and tools, not the prompt it was saved with.
            History[0] = new ChatMessageContent(AuthorRole.System, runtime.SystemPrompt);
        }
    }

    public ChatHistory History { get; }

    public TokenUsage Usage { get; private set; }

    public TokenUsage LastTurnUsage { get; private set; }

    public int Turns { get; private set; }

    public AgentRuntime Runtime => _runtime;

    public SessionTranscript? Transcript => _transcript;

    /// <summary>Forgets the conversation (keeps the system prompt and the session totals).</summary>
    public void Clear()
    {
        var system = History[0];
        History.Clear();
        History.Add(system);
        _transcript?.RecordClear();
    }

    public async Task<TurnResult> RunTurnAsync(string input, IAgentObserver observer, CancellationToken cancellationToken)
    {
        var start = History.Count;
        History.AddUserMessage(input);
        // Notices go through the recording observer too, so the transcript keeps them.
        var turnObserver = _transcript is null ? observer : new RecordingObserver(observer, _transcript);
        _runtime.Observer = turnObserver;
        _runtime.TurnCancellation = cancellationToken;
        _runtime.RoundLimitReached = false;

        var answer = new StringBuilder();
        var usage = default(TokenUsage);
        var seenHistory = History.Count;
        var stop = TurnStop.Completed;
        ModelCallException? error = null;
        string? unexpected = null;
        try
        {
            await foreach (var chunk in _runtime.Chat.GetStreamingChatMessageContentsAsync(History, _runtime.Settings, _runtime.Kernel, cancellationToken))
            {
                if (History.Count != seenHistory)
                {
                    // SK stored the previous round (its text and tool calls) in the history: only what follows is the answer.
                    KeepRoundText(seenHistory, answer.ToString());
                    seenHistory = History.Count;
                    answer.Clear();
                }

                if (TokenUsage.From(chunk) is { } chunkUsage)
                {
                    usage += chunkUsage;
                }

                // A round the filter terminates (tool limit) ends with SK streaming that round's last tool result:
                // it belongs to the tool message already in the history, not to the answer.
                if (chunk.Role != AuthorRole.Tool && !string.IsNullOrEmpty(chunk.Content))
                {
                    answer.Append(chunk.Content);
                    observer.OnText(chunk.Content);
                }
            }

            // A tool call cancelled by the user ends the stream quietly (see ToolInvocationFilter); the turn is still cancelled.
            cancellationToken.ThrowIfCancellationRequested();
            if (_runtime.RoundLimitReached)
            {
                stop = TurnStop.ToolLimit;
                turnObserver.OnNotice(
                    $"Stopped: this turn used its {_runtime.MaxToolRounds} tool rounds (maxToolRounds in agent.yaml). "
                    + "Say 'continue' to go on.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stop = TurnStop.Cancelled;
        }
        catch (Exception ex) when (ModelCallException.Find(ex) is not null || IsProtocolFailure(ex))
        {
            stop = TurnStop.Failed;
            error = ModelCallException.Find(ex) ?? new ModelCallException(
                _runtime.ModelName, $"{_runtime.ModelName}: the model's answer could not be read: {OneLine(ex)}", inner: ex);
        }
        catch (Exception ex)
        {
            // Not ours to handle (a front-end bug, say), but the transcript must not call the turn completed.
            stop = TurnStop.Failed;
            unexpected = OneLine(ex);
            throw;
        }
        finally
        {
            _runtime.Observer = NullAgentObserver.Instance;
            _runtime.TurnCancellation = CancellationToken.None;
            if (History.Count != seenHistory)
            {
                KeepRoundText(seenHistory, answer.ToString());
                answer.Clear();
            }

            // Results first: providers want them right after their calls, before any later assistant text.
            CloseDanglingToolCalls(start, stop == TurnStop.Cancelled ? "cancelled by the user" : "the turn ended");
            if (answer.Length > 0)
            {
                if (stop == TurnStop.Cancelled)
                {
                    answer.Append("\n\n[interrupted by the user]");
                }

                History.AddAssistantMessage(answer.ToString());
            }

            Usage += usage;
            LastTurnUsage = usage;
            Turns++;
            _transcript?.RecordTurn(History, start, usage, stop, error?.Message ?? unexpected);
        }

        return new TurnResult(answer.ToString(), usage, stop, error);
    }

    /// <summary>
    /// SK's IChatClient bridge (Anthropic) stores a round's tool calls without the text the model wrote before them;
    /// put that text back into the round's first tool-call message so later requests and the transcript keep it.
    /// The OpenAI connectors store it themselves, which is left alone.
    /// </summary>
    private void KeepRoundText(int from, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var added = History.Skip(from).Where(m => m.Role == AuthorRole.Assistant).ToList();
        if (added.Any(m => m.Items.OfType<TextContent>().Any(t => !string.IsNullOrEmpty(t.Text))))
        {
            return;
        }

        added.FirstOrDefault(m => m.Items.OfType<FunctionCallContent>().Any())?.Items.Insert(0, new TextContent(text));
    }

    /// <summary>Providers reject a history where a tool call has no result; give each orphan one.</summary>
    private void CloseDanglingToolCalls(int start, string reason)
    {
        var answered = History.Skip(start)
            .SelectMany(m => m.Items.OfType<FunctionResultContent>())
            .Select(r => r.CallId)
            .ToHashSet(StringComparer.Ordinal);
        var orphans = History.Skip(start)
            .SelectMany(m => m.Items.OfType<FunctionCallContent>())
            .Where(c => c.Id is not null && !answered.Contains(c.Id))
            .ToList();
        foreach (var call in orphans)
        {
            History.Add(new FunctionResultContent(call, $"Not run: {reason}.").ToChatMessage());
        }
    }

    /// <summary>A broken stream or an unexpected payload from the endpoint (not a bug of ours).</summary>
    private static bool IsProtocolFailure(Exception ex) =>
        ex is System.Text.Json.JsonException or FormatException or HttpRequestException or IOException
        || ex.GetType().Name is "HttpOperationException" or "ClientResultException"
        || (ex.InnerException is { } inner && IsProtocolFailure(inner));

    private static string OneLine(Exception ex)
    {
        var message = ex.InnerException is { } inner && ex.GetType().Name == "HttpOperationException" ? inner.Message : ex.Message;
        return message.ReplaceLineEndings(" ");
    }

    /// <summary>Writes each tool call's outcome to the transcript as it happens, then passes it on.</summary>
    private sealed class RecordingObserver(IAgentObserver inner, SessionTranscript transcript) : IAgentObserver
    {
        public void OnText(string delta) => inner.OnText(delta);

        public void OnToolStarting(ToolCallEvent call) => inner.OnToolStarting(call);

        public void OnToolFinished(ToolCallEvent call, ToolCallResult result)
        {
            transcript.RecordToolCall(call, result);
            inner.OnToolFinished(call, result);
        }

        public void OnNotice(string message)
        {
            transcript.RecordNotice(message);
            inner.OnNotice(message);
        }
    }
}
