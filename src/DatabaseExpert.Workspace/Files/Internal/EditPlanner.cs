using System.Text;
using System.Text.RegularExpressions;
using DatabaseExpert.Workspace.Internal;

namespace DatabaseExpert.Workspace.Files.Internal;

/// <summary>Finds old_string in a text and replaces it, or explains precisely why it cannot.</summary>
internal static partial class EditPlanner
{
    private const int MaxListedLines = 20;

    public static EditPlan Plan(string text, string oldString, string newString, bool replaceAll, string path)
    {
        if (oldString.Length == 0)
        {
            throw Failure(
                WorkspaceErrorKind.InvalidArgument,
                path,
                "old_string is empty. To create a file or replace all of it use Write; to insert text, "
                + "put a neighbouring line in old_string and repeat it in new_string.");
        }

        if (string.Equals(oldString, newString, StringComparison.Ordinal))
        {
            throw NoChange(path);
        }

        // Keep the file's line-ending style whatever the caller sent.
        var lineEnding = DominantLineEnding(text);
        var replacement = ConvertLineEndings(newString, lineEnding);
        var target = oldString;
        var positions = Occurrences(text, target);
        if (positions.Count == 0 && ConvertLineEndings(oldString, lineEnding) is var converted
            && !string.Equals(converted, oldString, StringComparison.Ordinal))
        {
            target = converted;
            positions = Occurrences(text, target);
        }

        if (positions.Count == 0)
        {
            throw NotFound(text, oldString, path);
        }

        if (string.Equals(target, replacement, StringComparison.Ordinal))
        {
            throw NoChange(path);
        }

        if (positions.Count > 1 && !replaceAll)
        {
            throw Failure(
                WorkspaceErrorKind.Ambiguous,
                path,
                $"old_string occurs {positions.Count} times in '{path}' (lines {ListLines(positions.Select(p => LineAt(text, p)))}). "
                + "Include more surrounding lines in old_string to make it unique, or set replace_all to change every occurrence.");
        }

        return Replace(text, target, replacement, replaceAll ? int.MaxValue : 1);
    }

    private static EditPlan Replace(string text, string target, string replacement, int maxReplacements)
    {
        var builder = new StringBuilder(text.Length + Math.Max(0, replacement.Length - target.Length));
        var lines = new List<int>();
        var newlines = 0;
        var start = 0;
        while (lines.Count < maxReplacements && text.IndexOf(target, start, StringComparison.Ordinal) is var index and >= 0)
        {
            var before = text.AsSpan(start, index - start);
            newlines += before.Count('\n');
            builder.Append(before);
            lines.Add(newlines + 1);
            builder.Append(replacement);
            newlines += replacement.AsSpan().Count('\n');
            start = index + target.Length;
        }

        builder.Append(text.AsSpan(start));
        return new EditPlan(builder.ToString(), lines.Count, lines);
    }

    /// <summary>Every start position, overlapping ones included: "aa" in "aaa" is ambiguous.</summary>
    private static List<int> Occurrences(string text, string value)
    {
        var positions = new List<int>();
        var index = text.IndexOf(value, StringComparison.Ordinal);
        while (index >= 0)
        {
            positions.Add(index);
            index = index + 1 < text.Length ? text.IndexOf(value, index + 1, StringComparison.Ordinal) : -1;
        }

        return positions;
    }

    private static WorkspaceToolException NotFound(string text, string oldString, string path)
    {
        var message = new StringBuilder($"old_string was not found in '{path}'.");
        if (ReadLinePrefix().IsMatch(oldString))
        {
            message.Append(" It seems to start with a line number from Read output (spaces, digits, tab); leave those out.");
        }

        if (WhitespaceInsensitiveLine(text, oldString) is { } line)
        {
            message.Append($" Ignoring whitespace and line endings it matches at line {line}: ")
                .Append("the indentation, spacing or line breaks in the file differ from old_string.");
        }
        else if (text.IndexOf(oldString, StringComparison.OrdinalIgnoreCase) is var caseless and >= 0)
        {
            message.Append($" Ignoring letter case it matches at line {LineAt(text, caseless)}.");
        }

        message.Append(" Read the file again and copy the text exactly as it is now.");
        return Failure(WorkspaceErrorKind.NoMatch, path, message.ToString());
    }

    /// <summary>Collapses every run of whitespace (line breaks included) to one space on both sides, then searches.</summary>
    private static int? WhitespaceInsensitiveLine(string text, string oldString)
    {
        var (normalizedText, lineOfChar) = Normalize(text);
        var normalizedOld = Normalize(oldString).Text.Trim(' ');
        if (normalizedOld.Length == 0)
        {
            return null;
        }

        var index = normalizedText.IndexOf(normalizedOld, StringComparison.Ordinal);
        return index < 0 ? null : lineOfChar[index];
    }

    private static (string Text, List<int> LineOfChar) Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lineOfChar = new List<int>(value.Length);
        var line = 1;
        var inWhitespace = false;
        foreach (var c in value)
        {
            var whitespace = char.IsWhiteSpace(c);
            if (!whitespace || !inWhitespace)
            {
                builder.Append(whitespace ? ' ' : c);
                lineOfChar.Add(line);
            }

            inWhitespace = whitespace;
            line += c == '\n' ? 1 : 0;
        }

        return (builder.ToString(), lineOfChar);
    }

    private static string DominantLineEnding(string text)
    {
        var crlf = 0;
        var lf = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _ = i > 0 && text[i - 1] == '\r' ? crlf++ : lf++;
            }
        }

        return crlf > lf ? "\r\n" : "\n";
    }

    private static string ConvertLineEndings(string value, string lineEnding)
    {
        var lf = value.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lineEnding == "\n" ? lf : lf.Replace("\n", lineEnding, StringComparison.Ordinal);
    }

    private static int LineAt(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string ListLines(IEnumerable<int> lines)
    {
        var distinct = lines.Distinct().ToList();
        var listed = string.Join(", ", distinct.Take(MaxListedLines));
        return distinct.Count > MaxListedLines ? $"{listed}, and {Quantity.Count(distinct.Count - MaxListedLines)} more" : listed;
    }

    private static WorkspaceToolException NoChange(string path) =>
        Failure(WorkspaceErrorKind.NoChange, path, $"old_string and new_string are identical, so the edit would not change '{path}'.");

    private static WorkspaceToolException Failure(WorkspaceErrorKind kind, string path, string message) => new(kind, path, message);

    [GeneratedRegex(@"^[ \t]*\d+\t")]
    private static partial Regex ReadLinePrefix();
}
