using System.Text;
using DatabaseExpert.Agent.Runtime;

namespace DatabaseExpert.Agent.Tests.Runtime;

/// <summary>Keeps what a turn reported, in order; <see cref="OnFirstText"/> lets a test act in the middle of a stream.</summary>
internal sealed class RecordingObserver : IAgentObserver
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<ToolCallEvent> _started = [];
    private readonly List<(ToolCallEvent Call, ToolCallResult Result)> _finished = [];
    private readonly List<string> _notices = [];

    public Action? OnFirstText { get; set; }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public IReadOnlyList<ToolCallEvent> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public IReadOnlyList<(ToolCallEvent Call, ToolCallResult Result)> Finished
    {
        get
        {
            lock (_gate)
            {
                return [.. _finished];
            }
        }
    }

    public IReadOnlyList<string> Notices
    {
        get
        {
            lock (_gate)
            {
                return [.. _notices];
            }
        }
    }

    public void OnText(string delta)
    {
        Action? first;
        lock (_gate)
        {
            first = _text.Length == 0 ? OnFirstText : null;
            _text.Append(delta);
        }

        first?.Invoke();
    }

    public void OnToolStarting(ToolCallEvent call)
    {
        lock (_gate)
        {
            _started.Add(call);
        }
    }

    public void OnToolFinished(ToolCallEvent call, ToolCallResult result)
    {
        lock (_gate)
        {
            _finished.Add((call, result));
        }
    }

    public void OnNotice(string message)
    {
        lock (_gate)
        {
            _notices.Add(message);
        }
    }
}
