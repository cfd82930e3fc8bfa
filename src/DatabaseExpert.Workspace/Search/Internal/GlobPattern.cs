using System.Text;
using System.Text.RegularExpressions;

namespace DatabaseExpert.Workspace.Search.Internal;

/// <summary>
/// A glob over '/'-separated relative paths: '**' spans any number of directories (none included), '*' and '?'
/// stay within one name, '[abc]' / '[!abc]' are character classes, '{a,b}' alternatives (nestable), '\' escapes.
/// </summary>
internal sealed class GlobPattern
{
    private readonly Regex _regex;

    private GlobPattern(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    /// <summary>A pattern with a '/' is matched against the whole relative path; one without, against the name alone.</summary>
    public bool HasDirectoryPart => Pattern.Contains('/', StringComparison.Ordinal);

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);

    /// <summary>The pattern spells out this directory name, e.g. 'node_modules/**' or '{bin,obj}/*'.</summary>
    public bool Names(string directoryName) =>
        Regex.IsMatch(Pattern, $"(^|[/{{,]){Regex.Escape(directoryName)}($|[/}},])", RegexOptions.CultureInvariant);

    /// <exception cref="WorkspaceToolException">The pattern has an unclosed '{' or an unmatched '}'.</exception>
    public static GlobPattern Parse(string pattern)
    {
        var regex = new StringBuilder("^");
        var depth = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i = AppendDoubleStar(pattern, i, depth, regex);
                    continue;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when ClassEnd(pattern, i) is var end and > 0:
                    AppendClass(pattern.AsSpan(i + 1, end - i - 1), regex);
                    i = end;
                    break;
                case '{':
                    depth++;
                    regex.Append("(?:");
                    break;
                case ',' when depth > 0:
                    regex.Append('|');
                    break;
                case '}' when depth > 0:
                    depth--;
                    regex.Append(')');
                    break;
                case '}':
                    throw Invalid(pattern, $"it has a '}}' at position {i + 1} without a matching '{{'");
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }

            i++;
        }

        if (depth > 0)
        {
            throw Invalid(pattern, "it has a '{' that is never closed");
        }

        regex.Append('$');
        return new GlobPattern(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline));
    }

    /// <summary>'**' as a whole path segment spans directories; anywhere else it is just '*'.</summary>
    private static int AppendDoubleStar(string pattern, int i, int depth, StringBuilder regex)
    {
        var after = i + 2;
        var startsSegment = i == 0 || pattern[i - 1] == '/' || (depth > 0 && pattern[i - 1] is '{' or ',');
        var endsSegment = after == pattern.Length || pattern[after] == '/' || (depth > 0 && pattern[after] is '}' or ',');
        if (!startsSegment || !endsSegment)
        {
            regex.Append("[^/]*");
            return after;
        }

        if (after < pattern.Length && pattern[after] == '/')
        {
            regex.Append("(?:[^/]*/)*");
            return after + 1;
        }

        regex.Append(".*");
        return after;
    }

    /// <summary>Index of the ']' closing the class opened at <paramref name="open"/>, or -1 (then '[' is literal).</summary>
    private static int ClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        // A ']' right after the opening (or its negation) is a member, not the end.
        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        var end = pattern.IndexOf(']', i);
        return end < 0 || pattern.AsSpan(open, end - open).Contains('/') ? -1 : end;
    }

    private static void AppendClass(ReadOnlySpan<char> body, StringBuilder regex)
    {
        var negated = body.Length > 0 && body[0] is '!' or '^';
        // A class never matches the separator, negated or not.
        regex.Append(negated ? "[^/" : "[");
        foreach (var c in negated ? body[1..] : body)
        {
            if (c is '\\' or ']' or '[' or '^')
            {
                regex.Append('\\');
            }

            regex.Append(c);
        }

        regex.Append(']');
    }

    private static WorkspaceToolException Invalid(string pattern, string reason) =>
        new(
            WorkspaceErrorKind.InvalidArgument,
            null,
            $"Invalid glob pattern '{pattern}': {reason}. Balance the braces, or escape a literal brace as '\\{{' or '\\}}'.");
}
