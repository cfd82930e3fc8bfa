using Spectre.Console;

namespace DatabaseExpert.Cli.Output;

/// <summary>Spectre consoles bound to the host's writers, with colour only when the terminal and the user allow it.</summary>
public static class Consoles
{
    public static IAnsiConsole Create(CliHost host, TextWriter writer, bool noColor)
    {
        var ansi = host.SupportsAnsi && !noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = host.IsInteractive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = host.TerminalWidth;
        return console;
    }
}
