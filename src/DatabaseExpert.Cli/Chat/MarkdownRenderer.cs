using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace DatabaseExpert.Cli.Chat;

/// <summary>
/// Renders streamed markdown to the terminal a line at a time: headings, lists, quotes, rules, fenced code, and
/// inline code, bold, italics and links. Each line is printed as soon as it is complete, so long answers appear
/// while they are written; without ANSI support the same text comes out plain.
/// </summary>
public sealed partial class MarkdownRenderer(IAnsiConsole console)
{
    private readonly StringBuilder _pending = new();
    private bool _inFence;

    public void Write(string delta)
    {
        _pending.Append(delta);
        while (true)
        {
            var text = _pending.ToString();
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline < 0)
            {
                return;
            }

            RenderLine(text[..newline].TrimEnd('\r'));
            _pending.Remove(0, newline + 1);
        }
    }

    /// <summary>Prints an unfinished last line and resets block state (end of an answer, or a tool call in between).</summary>
    public void Flush()
    {
        if (_pending.Length > 0)
        {
            RenderLine(_pending.ToString());
            _pending.Clear();
        }

        _inFence = false;
    }

    private void RenderLine(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
        {
            _inFence = !_inFence;
            var language = trimmed.TrimStart('`', '~').Trim();
            console.MarkupLine(_inFence && language.Length > 0 ? $"[grey]┌─ {Markup.Escape(language)}[/]" : "[grey]" + (_inFence ? "┌─" : "└─") + "[/]");
            return;
        }

        if (_inFence)
        {
            console.MarkupLine($"[grey]│[/] [aqua]{Markup.Escape(line)}[/]");
            return;
        }

        if (Heading().Match(line) is { Success: true } heading)
        {
            var style = heading.Groups[1].Length == 1 ? "bold underline" : "bold";
            console.MarkupLine($"[{style}]{Inline(heading.Groups[2].Value)}[/]");
            return;
        }

        if (Rule().IsMatch(line))
        {
            console.MarkupLine("[grey]" + new string('─', 40) + "[/]");
            return;
        }

        if (Bullet().Match(line) is { Success: true } bullet)
        {
            console.MarkupLine($"{bullet.Groups[1].Value}• {Inline(bullet.Groups[2].Value)}");
            return;
        }

        if (Quote().Match(line) is { Success: true } quote)
        {
            console.MarkupLine($"[grey]│ {Inline(quote.Groups[1].Value)}[/]");
            return;
        }

        console.MarkupLine(Inline(line));
    }

    /// <summary>Turns inline markdown into Spectre markup; everything else is escaped.</summary>
    internal static string Inline(string text)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in InlineToken().Matches(text))
        {
            result.Append(Markup.Escape(text[last..match.Index]));
            if (match.Groups["code"].Success)
            {
                result.Append("[yellow]").Append(Markup.Escape(match.Groups["code"].Value)).Append("[/]");
            }
            else if (match.Groups["bold"].Success)
            {
                result.Append("[bold]").Append(Markup.Escape(match.Groups["bold"].Value)).Append("[/]");
            }
            else if (match.Groups["italic"].Success)
            {
                result.Append("[italic]").Append(Markup.Escape(match.Groups["italic"].Value)).Append("[/]");
            }
            else
            {
                result.Append(Markup.Escape(match.Groups["label"].Value))
                    .Append(" [blue underline]").Append(Markup.Escape(match.Groups["url"].Value)).Append("[/]");
            }

            last = match.Index + match.Length;
        }

        result.Append(Markup.Escape(text[last..]));
        return result.ToString();
    }

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(\s*)[-*+]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s{0,3}>\s?(.*)$")]
    private static partial Regex Quote();

    [GeneratedRegex(@"`(?<code>[^`]+)`|\*\*(?<bold>[^*]+)\*\*|(?<![\w*])\*(?<italic>[^*\s][^*]*)\*(?![\w*])|\[(?<label>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex InlineToken();
}
