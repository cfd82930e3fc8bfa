namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// Keys from a non-terminal input (a pipe or a file): each line answers one key prompt with its first character,
/// so scripted input like "y" or "n" drives approvals the same way keystrokes do.
/// </summary>
public sealed class TextKeyReader(TextReader reader) : IKeyReader
{
    public bool KeyAvailable => false;

    public ConsoleKeyInfo ReadKey()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            // End of input answers "no": nothing may be approved by default.
            return new ConsoleKeyInfo('\u001b', ConsoleKey.Escape, false, false, false);
        }

        var c = line.Trim() is { Length: > 0 } text ? text[0] : '\r';
        return new ConsoleKeyInfo(c, c == '\r' ? ConsoleKey.Enter : ConsoleKey.NoName, false, false, false);
    }
}
