using System.Text;
using System.Text.RegularExpressions;

namespace DatabaseExpert.Agent.Permissions;

public enum CommandVerdict
{
    /// <summary>Every part of the command matches an allow pattern.</summary>
    Allowed,

    /// <summary>Some part matches a deny pattern.</summary>
    Denied,

    /// <summary>Neither: the permission mode decides.</summary>
    Unmatched,
}

public sealed record CommandEvaluation(CommandVerdict Verdict, string? Pattern = null, string? Part = null, string? Reason = null);

/// <summary>
/// Allow/deny patterns for shell commands (<c>*</c> matches anything). A compound command is split at <c>;</c>,
/// <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>, <c>&amp;</c> and newlines: it is allowed only when every part is, and denied when any
/// part is, including commands inside substitutions, subshells and groups. Command substitution, subshells and
/// redirections are never auto-allowed, because the part a pattern sees would not be what runs.
/// </summary>
public sealed partial class CommandRules
{
    /// <summary>How deep nested substitutions are searched for denied commands.</summary>
    private const int MaxNesting = 8;

    private readonly (string Pattern, Regex Regex)[] _allow;
    private readonly (string Pattern, Regex Regex)[] _deny;

    public CommandRules(IEnumerable<string> allow, IEnumerable<string> deny)
    {
        _allow = allow.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => (p, Compile(p, ignoreCase: false))).ToArray();

        // Deny patterns ignore case: `*DROP DATABASE*` must also stop `psql -c "drop database x"`.
        _deny = deny.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => (p, Compile(p, ignoreCase: true))).ToArray();
    }

    public static CommandRules None { get; } = new([], []);

    public IReadOnlyList<string> AllowPatterns => _allow.Select(a => a.Pattern).ToArray();

    public IReadOnlyList<string> DenyPatterns => _deny.Select(d => d.Pattern).ToArray();

    public CommandEvaluation Evaluate(string command)
    {
        var normalized = command.Trim();
        var parts = Split(normalized);

        // Deny is checked against the whole text and every command in it, so hiding a denied command anywhere does not help.
        foreach (var candidate in DenyCandidates(normalized, depth: 0))
        {
            foreach (var (pattern, regex) in _deny)
            {
                if (regex.IsMatch(candidate))
                {
                    return new CommandEvaluation(CommandVerdict.Denied, pattern, candidate, $"matches the deny pattern '{pattern}'");
                }
            }
        }

        if (HasUnsafeConstruct(normalized, out var construct))
        {
            return new CommandEvaluation(CommandVerdict.Unmatched, Reason: $"contains {construct}, which allow patterns never cover");
        }

        if (parts.Count == 0 || _allow.Length == 0)
        {
            return new CommandEvaluation(CommandVerdict.Unmatched);
        }

        string? lastPattern = null;
        foreach (var part in parts)
        {
            var match = _allow.FirstOrDefault(a => a.Regex.IsMatch(part));
            if (match.Pattern is null)
            {
                return new CommandEvaluation(CommandVerdict.Unmatched, Part: part, Reason: $"'{part}' matches no allow pattern");
            }

            lastPattern = match.Pattern;
        }

        return new CommandEvaluation(CommandVerdict.Allowed, lastPattern);
    }

    /// <summary>
    /// What deny patterns are tried on: the text, each part, each part without leading keywords and variable assignments
    /// (<c>then rm …</c>, <c>X=1 rm …</c>), and all of that again for every command inside <c>$(…)</c>, backticks,
    /// <c>(…)</c> and <c>{…}</c>, since those run too.
    /// </summary>
    private static IEnumerable<string> DenyCandidates(string command, int depth)
    {
        yield return command;
        foreach (var part in Split(command))
        {
            yield return part;
            var bare = LeadingKeywordsAndAssignments().Replace(part, string.Empty);
            if (bare.Length > 0 && bare.Length != part.Length)
            {
                yield return bare;
            }
        }

        if (depth >= MaxNesting)
        {
            yield break;
        }

        foreach (var inner in NestedCommands(command))
        {
            foreach (var candidate in DenyCandidates(inner, depth + 1))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>The text inside the outermost <c>$(…)</c>, backticks, <c>(…)</c> and <c>{…}</c> that the shell would run.</summary>
    private static List<string> NestedCommands(string command)
    {
        var found = new List<string>();
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                quote = c == '\'' ? null : quote;
                continue;
            }

            var substitution = c == '$' && i + 1 < command.Length && command[i + 1] == '(';
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    quote = quote == '"' ? null : '"';
                    break;
                case '`':
                    var close = command.IndexOf('`', i + 1);
                    var end = close < 0 ? command.Length : close;
                    found.Add(command[(i + 1)..end]);
                    i = end;
                    break;
                case '\'' when quote is null:
                    quote = '\'';
                    break;

                // Inside double quotes only $( … ) runs; parentheses and braces there are text.
                case '$' when substitution:
                case '(' or '{' when quote is null:
                    var open = substitution ? i + 1 : i;
                    var closing = Matching(command, open);
                    found.Add(command[(open + 1)..closing]);
                    i = closing;
                    break;
            }
        }

        return found;
    }

    private static int Matching(string text, int open)
    {
        var (opener, closer) = text[open] == '(' ? ('(', ')') : ('{', '}');
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == opener)
            {
                depth++;
            }
            else if (text[i] == closer && --depth == 0)
            {
                return i;
            }
        }

        return text.Length;
    }

    [GeneratedRegex(@"^(?:(?:if|then|elif|else|do|while|until|time|exec|command|!)\s+|[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingKeywordsAndAssignments();

    /// <summary>Splits at shell control operators outside quotes.</summary>
    internal static List<string> Split(string command)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is not null)
            {
                current.Append(c);
                if (c == '\\' && quote == '"' && i + 1 < command.Length)
                {
                    current.Append(command[++i]);
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    current.Append(c);
                    break;
                case '\\' when i + 1 < command.Length:
                    current.Append(c).Append(command[++i]);
                    break;
                case ';' or '\n' or '\r' or '|' or '&':
                    Flush(parts, current);
                    if (i + 1 < command.Length && (command[i + 1] == c) && c is '|' or '&')
                    {
                        i++;
                    }

                    break;
                default:
                    current.Append(c);
                    break;
            }
        }

        Flush(parts, current);
        return parts;
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
        {
            parts.Add(text);
        }

        current.Clear();
    }

    private static bool HasUnsafeConstruct(string command, out string construct)
    {
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = null;
                }

                continue;
            }

            if (c == '\\')
            {
                i++;
                continue;
            }

            // Inside double quotes $( ) and backticks still run.
            if (c == '`' || (c == '$' && i + 1 < command.Length && command[i + 1] == '('))
            {
                construct = "command substitution";
                return true;
            }

            if (quote == '"')
            {
                if (c == '"')
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '>' or '<':
                    construct = "a redirection";
                    return true;
                case '(' or ')' or '{' or '}':
                    construct = "a subshell or group";
                    return true;
            }
        }

        construct = string.Empty;
        return false;
    }

    private static Regex Compile(string pattern, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(regex, options, TimeSpan.FromSeconds(1));
    }
}
