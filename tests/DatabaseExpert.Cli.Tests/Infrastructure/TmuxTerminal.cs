using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>
/// A real terminal for the REPL: a detached tmux session on a private socket, typed into with send-keys and read
/// with capture-pane. The session ends when the terminal is disposed, whatever the test did.
/// </summary>
public sealed class TmuxTerminal : IAsyncDisposable
{
    private const string Session = "dbx";
    private const string TerminalType = "screen";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly string _directory;
    private readonly string _socket;

    private TmuxTerminal(string directory)
    {
        _directory = directory;
        _socket = Path.Combine(directory, "tmux.sock");
    }

    /// <summary>
    /// Starts <paramref name="arguments"/> (the first is the program) in a <paramref name="width"/> x
    /// <paramref name="height"/> terminal with exactly <paramref name="environment"/> plus TERM.
    /// </summary>
    public static async Task<TmuxTerminal> StartAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, string workingDirectory,
        int width = 120, int height = 40)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        await EnsureInstalledAsync();
        var directory = Path.Combine(Path.GetTempPath(), "dbx-tmux-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var terminal = new TmuxTerminal(directory);
        // No status line (every row belongs to the program), a pane that stays after exit so its status can be read,
        // and a terminal type every terminfo database has.
        var config = Path.Combine(directory, "tmux.conf");
        await File.WriteAllTextAsync(config, $"""
            set -g status off
            set -g remain-on-exit on
            set -g history-limit 5000
            set -g default-terminal {TerminalType}

            """);

        // env -i: the program sees the test's environment only, not whatever the tmux server inherited.
        var command = new StringBuilder("exec env -i");
        foreach (var (name, value) in environment.Where(e => e.Value is not null).Append(new("TERM", TerminalType)))
        {
            command.Append(' ').Append(Quote($"{name}={value}"));
        }

        foreach (var argument in arguments)
        {
            command.Append(' ').Append(Quote(argument));
        }

        await terminal.TmuxAsync(
            "-f", config, "new-session", "-d", "-s", Session, "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory,
            command.ToString());
        return terminal;
    }

    /// <summary>Types text literally (no key names).</summary>
    public Task TypeAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // tmux reads an argument ending in ';' as a command separator; "\;" is a literal one.
        return TmuxAsync("send-keys", "-t", Session, "-l", text.EndsWith(';') ? text[..^1] + "\\;" : text);
    }

    /// <summary>Pastes text the way a terminal does: all at once, line breaks as Enter.</summary>
    public async Task PasteAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        await TmuxAsync("set-buffer", "-b", "paste", Literal(text));
        await TmuxAsync("paste-buffer", "-d", "-b", "paste", "-t", Session);
    }

    /// <summary>Presses keys by tmux name: Enter, Left, Home, Up, C-c, …</summary>
    public Task PressAsync(params string[] keys) => TmuxAsync(["send-keys", "-t", Session, .. keys]);

    /// <summary>The whole screen and scrollback, wrapped lines joined, trailing blanks removed.</summary>
    public async Task<string> CaptureAsync()
    {
        var text = await TmuxAsync("capture-pane", "-p", "-J", "-S", "-", "-t", Session);
        return string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');
    }

    /// <summary>Polls the screen until <paramref name="condition"/> holds; fails with the screen when the deadline passes.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultWait;
        while (true)
        {
            var screen = await CaptureAsync();
            if (condition(screen))
            {
                return screen;
            }

            if (await ExitStatusAsync() is { } status)
            {
                throw new InvalidOperationException(
                    $"The program exited ({status}) before the terminal showed {what}. Screen:\n{screen}");
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"The terminal did not show {what} within {limit.TotalSeconds:0} s. Screen:\n{screen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(40));
        }
    }

    /// <summary>Waits until the screen holds <paramref name="text"/> at least <paramref name="count"/> times.</summary>
    public Task<string> WaitForTextAsync(string text, int count = 1) =>
        WaitForAsync(screen => Occurrences(screen, text) >= count, $"'{text}' ({count}x)");

    /// <summary>Waits until <paramref name="count"/> lines begin with <paramref name="prompt"/> (each input line starts with it).</summary>
    public Task<string> WaitForPromptAsync(int count, string prompt = "›") => WaitForAsync(
        screen => screen.Split('\n').Count(l => l.StartsWith(prompt, StringComparison.Ordinal)) >= count, $"prompt #{count}");

    /// <summary>Waits for the program to end and returns its exit status.</summary>
    public async Task<int> WaitForExitAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await ExitStatusAsync() is { } status)
            {
                return status;
            }

            if (deadline.Elapsed > DefaultWait)
            {
                throw new TimeoutException($"The program did not exit within {DefaultWait.TotalSeconds:0} s. Screen:\n{await CaptureAsync()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(40));
        }
    }

    /// <summary>The program's exit status once it has ended; null while it runs.</summary>
    public async Task<int?> ExitStatusAsync()
    {
        const string Format = "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}|#{pid}";
        var status = (await TmuxAsync("display-message", "-p", "-t", Session, Format)).Trim().Split('|');
        if (status[0] != "1")
        {
            return null;
        }

        if (status[1].Length == 0 && status[2].Length == 0)
        {
            // The terminal closed but tmux has not collected the exit status: it can miss the SIGCHLD (tmux issue
            // #311), which leaves the program a zombie for good. Repeating the signal makes it look again.
            await RunAsync("kill", ["-s", "CHLD", status[3]]);
            return null;
        }

        // Killed by a signal: report it the way shells do (128 + signal number).
        return status[1].Length > 0
            ? int.Parse(status[1], System.Globalization.CultureInfo.InvariantCulture)
            : 128 + int.Parse(status[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many times <paramref name="value"/> appears in <paramref name="text"/> (not overlapping).</summary>
    public static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0;
             index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        try
        {
            await RunAsync("tmux", ["-V"]);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "tmux is not installed, and the REPL tests drive dbx in a real terminal through it. "
                + ".ci/run (test.sh) must install it: apt-get install -y tmux.", ex);
        }
    }

    private Task<string> TmuxAsync(params string[] arguments) => RunAsync("tmux", ["-S", _socket, .. arguments]);

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return output;
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>tmux reads an argument ending in ';' as a command separator; "\\;" is a literal one.</summary>
    private static string Literal(string text) => text.EndsWith(';') ? text[..^1] + "\\;" : text;
}
