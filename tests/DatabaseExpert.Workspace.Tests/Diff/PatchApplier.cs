namespace DatabaseExpert.Workspace.Tests.Diff;

/// <summary>
/// Applies a unified diff to a text strictly: every context and deleted line must match, hunks must be in order.
/// Independent of the code under test, so a wrong diff cannot be applied back to the right text by accident.
/// </summary>
internal static class PatchApplier
{
    public static string Apply(string original, string diff)
    {
        var oldLines = SplitKeepingEnds(original);
        var result = new List<string>();
        var diffLines = diff.Split('\n');
        var position = 0;
        var i = 0;
        while (i < diffLines.Length && !diffLines[i].StartsWith("@@", StringComparison.Ordinal))
        {
            i++;
        }

        while (i < diffLines.Length && diffLines[i].StartsWith("@@ -", StringComparison.Ordinal))
        {
            var (oldStart, oldCount, _, newCount) = ParseHeader(diffLines[i++]);
            var firstOld = oldCount == 0 ? oldStart : oldStart - 1;
            if (firstOld < position)
            {
                throw new InvalidOperationException($"Hunk at old line {oldStart} overlaps the previous one.");
            }

            result.AddRange(oldLines.Skip(position).Take(firstOld - position));
            position = firstOld;
            var (seenOld, seenNew) = (0, 0);
            while (i < diffLines.Length && diffLines[i].Length > 0 && diffLines[i][0] is ' ' or '-' or '+')
            {
                var kind = diffLines[i][0];
                var noNewline = i + 1 < diffLines.Length && diffLines[i + 1] == "\\ No newline at end of file";
                var line = diffLines[i][1..] + (noNewline ? "" : "\n");
                i += noNewline ? 2 : 1;
                if (kind is ' ' or '-')
                {
                    if (position >= oldLines.Count || oldLines[position] != line)
                    {
                        throw new InvalidOperationException($"Line {position + 1} does not match: expected '{line}'.");
                    }

                    position++;
                    seenOld++;
                }

                if (kind is ' ' or '+')
                {
                    result.Add(line);
                    seenNew++;
                }
            }

            if (seenOld != oldCount || seenNew != newCount)
            {
                throw new InvalidOperationException($"Hunk counts {oldCount}/{newCount} but has {seenOld}/{seenNew} lines.");
            }
        }

        if (i < diffLines.Length && diffLines[i].Length > 0)
        {
            throw new InvalidOperationException($"Unexpected diff line '{diffLines[i]}'.");
        }

        result.AddRange(oldLines.Skip(position));
        return string.Concat(result);
    }

    private static (int OldStart, int OldCount, int NewStart, int NewCount) ParseHeader(string header)
    {
        var parts = header.Split(' ');
        var (oldStart, oldCount) = ParseRange(parts[1][1..]);
        var (newStart, newCount) = ParseRange(parts[2][1..]);
        return (oldStart, oldCount, newStart, newCount);
    }

    private static (int Start, int Count) ParseRange(string range)
    {
        var comma = range.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? (int.Parse(range, System.Globalization.CultureInfo.InvariantCulture), 1)
            : (int.Parse(range[..comma], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(range[(comma + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<string> SplitKeepingEnds(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
