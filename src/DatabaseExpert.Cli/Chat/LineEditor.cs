using System.Text;

namespace DatabaseExpert.Cli.Chat;

/// <summary>Where keys come from: the terminal in the REPL, a script in tests.</summary>
public interface IKeyReader
{
    ConsoleKeyInfo ReadKey();

    /// <summary>True when another key is already waiting (a paste in progress).</summary>
    bool KeyAvailable { get; }
}

public sealed class ConsoleKeyReader : IKeyReader
{
    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);

    public bool KeyAvailable => Console.KeyAvailable;
}

public enum LineInputKind
{
    Submitted,

    /// <summary>Ctrl-C at the prompt.</summary>
    Interrupted,

    /// <summary>Ctrl-D on an empty line.</summary>
    EndOfInput,
}

public readonly record struct LineInput(LineInputKind Kind, string Text);

/// <summary>
/// A small line editor for the chat prompt: cursor movement, word and line kills, history, tab completion of
/// slash commands, and multi-line pastes (an Enter that arrives with more keys queued is kept as a newline).
/// It redraws the whole input on each change, which keeps it correct when the input wraps.
/// </summary>
public sealed class LineEditor(IKeyReader keys, TextWriter output, Func<int> width, LineHistory history)
{
    private readonly StringBuilder _buffer = new();
    private int _position;
    private int _cursorRow;

    /// <summary>Completes the word being typed; returns the candidates for a prefix.</summary>
    public Func<string, IReadOnlyList<string>>? Completer { get; set; }

    public LineInput ReadLine(string prompt, int promptWidth)
    {
        _buffer.Clear();
        _position = 0;
        _cursorRow = 0;
        var historyIndex = history.Entries.Count;
        string? draft = null;
        Redraw(prompt, promptWidth);
        while (true)
        {
            var key = keys.ReadKey();
            var ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter when keys.KeyAvailable:
                    Insert('\n');
                    break;
                case ConsoleKey.Enter:
                    MoveToEnd(prompt, promptWidth);
                    output.Write("\r\n");
                    var line = _buffer.ToString();
                    history.Add(line);
                    return new LineInput(LineInputKind.Submitted, line);
                case ConsoleKey.C when ctrl:
                    MoveToEnd(prompt, promptWidth);
                    output.Write("^C\r\n");
                    return new LineInput(LineInputKind.Interrupted, _buffer.ToString());
                case ConsoleKey.D when ctrl:
                    if (_buffer.Length == 0)
                    {
                        output.Write("\r\n");
                        return new LineInput(LineInputKind.EndOfInput, string.Empty);
                    }

                    Delete();
                    break;
                case ConsoleKey.LeftArrow or ConsoleKey.B when key.Key == ConsoleKey.LeftArrow || ctrl:
                    _position = Math.Max(0, _position - 1);
                    break;
                case ConsoleKey.RightArrow or ConsoleKey.F when key.Key == ConsoleKey.RightArrow || ctrl:
                    _position = Math.Min(_buffer.Length, _position + 1);
                    break;
                case ConsoleKey.Home or ConsoleKey.A when key.Key == ConsoleKey.Home || ctrl:
                    _position = 0;
                    break;
                case ConsoleKey.End or ConsoleKey.E when key.Key == ConsoleKey.End || ctrl:
                    _position = _buffer.Length;
                    break;
                case ConsoleKey.Backspace:
                    if (_position > 0)
                    {
                        _buffer.Remove(--_position, 1);
                    }

                    break;
                case ConsoleKey.Delete:
                    Delete();
                    break;
                case ConsoleKey.U when ctrl:
                    _buffer.Remove(0, _position);
                    _position = 0;
                    break;
                case ConsoleKey.K when ctrl:
                    _buffer.Remove(_position, _buffer.Length - _position);
                    break;
                case ConsoleKey.W when ctrl:
                    var start = _position;
                    while (start > 0 && _buffer[start - 1] == ' ')
                    {
                        start--;
                    }

                    while (start > 0 && _buffer[start - 1] != ' ')
                    {
                        start--;
                    }

                    _buffer.Remove(start, _position - start);
                    _position = start;
                    break;
                case ConsoleKey.L when ctrl:
                    output.Write("\u001b[H\u001b[2J");
                    _cursorRow = 0;
                    break;
                case ConsoleKey.UpArrow or ConsoleKey.P when key.Key == ConsoleKey.UpArrow || ctrl:
                    if (historyIndex > 0)
                    {
                        draft ??= _buffer.ToString();
                        Replace(history.Entries[--historyIndex]);
                    }

                    break;
                case ConsoleKey.DownArrow or ConsoleKey.N when key.Key == ConsoleKey.DownArrow || ctrl:
                    if (historyIndex < history.Entries.Count)
                    {
                        historyIndex++;
                        Replace(historyIndex == history.Entries.Count ? draft ?? string.Empty : history.Entries[historyIndex]);
                    }

                    break;
                case ConsoleKey.Tab:
                    Complete();
                    break;
                default:
                    if (key.KeyChar >= ' ' && !ctrl)
                    {
                        Insert(key.KeyChar);
                    }

                    break;
            }

            Redraw(prompt, promptWidth);
        }
    }

    private void Insert(char c)
    {
        _buffer.Insert(_position++, c);
    }

    private void Delete()
    {
        if (_position < _buffer.Length)
        {
            _buffer.Remove(_position, 1);
        }
    }

    private void Replace(string text)
    {
        _buffer.Clear().Append(text);
        _position = _buffer.Length;
    }

    private void Complete()
    {
        if (Completer is null)
        {
            return;
        }

        var text = _buffer.ToString(0, _position);
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            return;
        }

        var candidates = Completer(text);
        if (candidates.Count == 0)
        {
            return;
        }

        var common = candidates.Aggregate((a, b) =>
        {
            var n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return a[..n];
        });
        if (candidates.Count == 1)
        {
            common += " ";
        }

        if (common.Length > text.Length)
        {
            _buffer.Remove(0, _position).Insert(0, common);
            _position = common.Length;
        }
    }

    private void MoveToEnd(string prompt, int promptWidth)
    {
        _position = _buffer.Length;
        Redraw(prompt, promptWidth);
    }

    /// <summary>Rewrites prompt and input from the first row of the input, then puts the cursor back in place.</summary>
    private void Redraw(string prompt, int promptWidth)
    {
        var columns = Math.Max(10, width());
        var text = new StringBuilder();
        if (_cursorRow > 0)
        {
            text.Append("\u001b[").Append(_cursorRow).Append('A');
        }

        text.Append("\r\u001b[J").Append(prompt);
        var shown = _buffer.ToString().Replace('\n', '⏎');
        text.Append(shown);
        var total = promptWidth + shown.Length;
        if (total > 0 && total % columns == 0)
        {
            // The terminal holds the cursor in the last column until the next character: force the wrap now.
            text.Append(" \r");
        }

        var endRow = total / columns;
        var cursor = promptWidth + _position;
        var row = cursor / columns;
        var column = cursor % columns;
        if (endRow > row)
        {
            text.Append("\u001b[").Append(endRow - row).Append('A');
        }

        text.Append('\r');
        if (column > 0)
        {
            text.Append("\u001b[").Append(column).Append('C');
        }

        _cursorRow = row;
        output.Write(text.ToString());
        output.Flush();
    }
}
