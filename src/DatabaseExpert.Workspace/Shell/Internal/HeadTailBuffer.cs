using System.Text;
using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Shell.Internal;

/// <summary>
/// Keeps the first and the last characters of a stream that may be far larger than wanted: the start says what ran,
/// the end says how it finished. Safe to append from the stdout and stderr readers at once.
/// </summary>
internal sealed class HeadTailBuffer
{
    private readonly Lock _lock = new();
    private readonly int _headCapacity;
    private readonly StringBuilder _head = new();
    private readonly char[] _tail;
    private int _tailStart;
    private int _tailCount;
    private long _total;

    public HeadTailBuffer(int maxChars)
    {
        _headCapacity = maxChars / 2;
        _tail = new char[maxChars - _headCapacity];
    }

    public long OmittedCharacters
    {
        get
        {
            lock (_lock)
            {
                return _total - _head.Length - _tailCount;
            }
        }
    }

    public void Append(ReadOnlySpan<char> chunk)
    {
        lock (_lock)
        {
            _total += chunk.Length;
            var toHead = Math.Min(chunk.Length, _headCapacity - _head.Length);
            _head.Append(chunk[..toHead]);
            AppendTail(chunk[toHead..]);
        }
    }

    public string ToText()
    {
        lock (_lock)
        {
            var text = new StringBuilder(_head.Length + _tailCount + 64).Append(_head);
            var omitted = _total - _head.Length - _tailCount;
            if (omitted > 0)
            {
                text.Append($"\n[... {Quantity.Count(omitted)} characters omitted ...]\n");
            }

            var firstPart = Math.Min(_tailCount, _tail.Length - _tailStart);
            text.Append(_tail, _tailStart, firstPart).Append(_tail, 0, _tailCount - firstPart);
            return text.ToString();
        }
    }

    private void AppendTail(ReadOnlySpan<char> chunk)
    {
        var capacity = _tail.Length;
        if (chunk.Length >= capacity)
        {
            chunk[^capacity..].CopyTo(_tail);
            _tailStart = 0;
            _tailCount = capacity;
            return;
        }

        foreach (var c in chunk)
        {
            if (_tailCount < capacity)
            {
                _tail[(_tailStart + _tailCount++) % capacity] = c;
            }
            else
            {
                _tail[_tailStart] = c;
                _tailStart = (_tailStart + 1) % capacity;
            }
        }
    }
}
