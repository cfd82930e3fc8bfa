namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// Lines typed at the chat prompt, newest last, optionally kept in a file between sessions. Entries pass through a
/// redaction function before they are written, so a pasted connection string does not end up on disk.
/// </summary>
public sealed class LineHistory
{
    private const int MaxEntries = 500;

    private readonly List<string> _entries = [];
    private readonly string? _file;
    private readonly Func<string, string> _redact;

    public LineHistory(string? file = null, Func<string, string>? redact = null)
    {
        _file = file;
        _redact = redact ?? (s => s);
        if (file is not null && File.Exists(file))
        {
            foreach (var line in File.ReadLines(file).TakeLast(MaxEntries))
            {
                if (line.Length > 0)
                {
                    _entries.Add(Unescape(line));
                }
            }
        }
    }

    public IReadOnlyList<string> Entries => _entries;

    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }

        _entries.Add(line);
        if (_entries.Count > MaxEntries)
        {
            _entries.RemoveAt(0);
        }

        if (_file is not null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                File.AppendAllText(_file, Escape(_redact(line)) + "\n");
            }
            catch (IOException)
            {
                // History is a convenience; an unwritable file must not break the session.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string Escape(string line) => line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string line)
    {
        var builder = new System.Text.StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                builder.Append(line[++i] == 'n' ? '\n' : line[i]);
            }
            else
            {
                builder.Append(line[i]);
            }
        }

        return builder.ToString();
    }
}
