using System.Globalization;
using System.Text;
using DatabaseExpert.Workspace.Diff.Internal;

namespace DatabaseExpert.Workspace.Diff;

/// <summary>A unified diff (<c>diff -u</c> / <c>git diff</c> format) between two texts, line by line.</summary>
/// <param name="Text">The diff, empty when the texts are equal; ready for <c>patch -p1</c> or <c>git apply</c>.</param>
/// <param name="AddedLines">Lines marked '+'.</param>
/// <param name="RemovedLines">Lines marked '-'.</param>
public sealed record UnifiedDiff(string Text, int AddedLines, int RemovedLines)
{
    /// <summary>The label for a side that does not exist (a file being created).</summary>
    public const string NoFile = "/dev/null";

    public bool IsEmpty => Text.Length == 0;

    /// <param name="oldText">The text before.</param>
    /// <param name="newText">The text after.</param>
    /// <param name="oldLabel">The '---' name, e.g. "a/src/x.ts" or <see cref="NoFile"/>.</param>
    /// <param name="newLabel">The '+++' name, e.g. "b/src/x.ts".</param>
    /// <param name="contextLines">Unchanged lines shown around each change.</param>
    public static UnifiedDiff Create(string oldText, string newText, string oldLabel, string newLabel, int contextLines = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contextLines);
        var oldLines = DiffLine.Split(oldText);
        var newLines = DiffLine.Split(newText);
        var ids = new Dictionary<DiffLine, int>();
        var edits = MyersDiff.Compute(ToIds(oldLines, ids), ToIds(newLines, ids));
        if (edits.All(e => e.Kind == LineEditKind.Equal))
        {
            return new UnifiedDiff("", 0, 0);
        }

        var builder = new StringBuilder();
        builder.Append("--- ").Append(oldLabel).Append('\n');
        builder.Append("+++ ").Append(newLabel).Append('\n');
        AppendHunks(builder, edits, oldLines, newLines, contextLines);
        return new UnifiedDiff(
            builder.ToString(),
            edits.Count(e => e.Kind == LineEditKind.Insert),
            edits.Count(e => e.Kind == LineEditKind.Delete));
    }

    private static int[] ToIds(List<DiffLine> lines, Dictionary<DiffLine, int> ids)
    {
        var result = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (!ids.TryGetValue(lines[i], out var id))
            {
                id = ids.Count;
                ids.Add(lines[i], id);
            }

            result[i] = id;
        }

        return result;
    }

    private static void AppendHunks(
        StringBuilder builder, List<LineEdit> edits, List<DiffLine> oldLines, List<DiffLine> newLines, int context)
    {
        // Lines of each side consumed before edit i, so any slice of edits maps to line ranges.
        var oldBefore = new int[edits.Count + 1];
        var newBefore = new int[edits.Count + 1];
        for (var i = 0; i < edits.Count; i++)
        {
            oldBefore[i + 1] = oldBefore[i] + (edits[i].Kind == LineEditKind.Insert ? 0 : 1);
            newBefore[i + 1] = newBefore[i] + (edits[i].Kind == LineEditKind.Delete ? 0 : 1);
        }

        var index = 0;
        while (index < edits.Count)
        {
            if (edits[index].Kind == LineEditKind.Equal)
            {
                index++;
                continue;
            }

            var start = Math.Max(0, index - context);
            var changeEnd = index;
            while (true)
            {
                while (changeEnd < edits.Count && edits[changeEnd].Kind != LineEditKind.Equal)
                {
                    changeEnd++;
                }

                var nextChange = changeEnd;
                while (nextChange < edits.Count && edits[nextChange].Kind == LineEditKind.Equal)
                {
                    nextChange++;
                }

                // Changes closer than two contexts share one hunk, as in GNU diff.
                if (nextChange < edits.Count && nextChange - changeEnd <= 2 * context)
                {
                    changeEnd = nextChange;
                    continue;
                }

                break;
            }

            var end = Math.Min(edits.Count, changeEnd + context);
            builder.Append("@@ -")
                .Append(Range(oldBefore[start], oldBefore[end] - oldBefore[start]))
                .Append(" +")
                .Append(Range(newBefore[start], newBefore[end] - newBefore[start]))
                .Append(" @@\n");
            for (var i = start; i < end; i++)
            {
                var edit = edits[i];
                var (prefix, line) = edit.Kind switch
                {
                    LineEditKind.Equal => (' ', oldLines[edit.OldIndex]),
                    LineEditKind.Delete => ('-', oldLines[edit.OldIndex]),
                    _ => ('+', newLines[edit.NewIndex]),
                };
                builder.Append(prefix).Append(line.Content).Append('\n');
                if (!line.HasNewline)
                {
                    builder.Append("\\ No newline at end of file\n");
                }
            }

            index = end;
        }
    }

    /// <summary>"l,n" with l 1-based; an empty range names the line before it, and ",1" is left out (GNU style).</summary>
    private static string Range(int linesBefore, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{linesBefore},0"),
        1 => (linesBefore + 1).ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{linesBefore + 1},{count}"),
    };
}
