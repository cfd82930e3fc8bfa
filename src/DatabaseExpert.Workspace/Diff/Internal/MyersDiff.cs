namespace DatabaseExpert.Workspace.Diff.Internal;

/// <summary>
/// Shortest edit script between two sequences of line ids (E. Myers, "An O(ND) Difference Algorithm", 1986),
/// greedy forward search with one saved frontier per edit distance for the backtrack.
/// </summary>
internal static class MyersDiff
{
    // The saved frontiers cost about D² ints; past this distance the middle becomes one delete-all/insert-all block,
    // still a correct script, just not a minimal one.
    private const int MaxEditDistance = 4096;

    public static List<LineEdit> Compute(int[] a, int[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<LineEdit>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new LineEdit(LineEditKind.Equal, i, i));
        }

        Middle(a, b, prefix, a.Length - suffix, prefix, b.Length - suffix, edits);
        for (var i = 0; i < suffix; i++)
        {
            edits.Add(new LineEdit(LineEditKind.Equal, a.Length - suffix + i, b.Length - suffix + i));
        }

        return GroupDeletionsFirst(edits);
    }

    private static void Middle(int[] a, int[] b, int aStart, int aEnd, int bStart, int bEnd, List<LineEdit> edits)
    {
        var n = aEnd - aStart;
        var m = bEnd - bStart;
        var max = n + m;
        var limit = Math.Min(max, MaxEditDistance);
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (var d = 0; n > 0 && m > 0 && d <= limit; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
                var x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    edits.AddRange(Backtrack(trace, d, n, m, aStart, bStart));
                    return;
                }
            }

            trace.Add(v[(offset - d)..(offset + d + 1)]);
        }

        for (var i = aStart; i < aEnd; i++)
        {
            edits.Add(new LineEdit(LineEditKind.Delete, i, -1));
        }

        for (var j = bStart; j < bEnd; j++)
        {
            edits.Add(new LineEdit(LineEditKind.Insert, -1, j));
        }
    }

    /// <summary>Walks back from (n, m) through the frontiers; trace[d] holds x for diagonals -d..d after step d.</summary>
    private static List<LineEdit> Backtrack(List<int[]> trace, int distance, int n, int m, int aStart, int bStart)
    {
        var reversed = new List<LineEdit>();
        var x = n;
        var y = m;
        for (var d = distance; d > 0; d--)
        {
            var previous = trace[d - 1];
            var k = x - y;
            var down = k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1]);
            var previousK = down ? k + 1 : k - 1;
            var previousX = previous[previousK + d - 1];
            var previousY = previousX - previousK;
            var snakeStartX = down ? previousX : previousX + 1;
            while (x > snakeStartX)
            {
                reversed.Add(new LineEdit(LineEditKind.Equal, aStart + x - 1, bStart + y - 1));
                x--;
                y--;
            }

            reversed.Add(down
                ? new LineEdit(LineEditKind.Insert, -1, bStart + previousY)
                : new LineEdit(LineEditKind.Delete, aStart + previousX, -1));
            x = previousX;
            y = previousY;
        }

        while (x > 0)
        {
            reversed.Add(new LineEdit(LineEditKind.Equal, aStart + x - 1, bStart + y - 1));
            x--;
            y--;
        }

        reversed.Reverse();
        return reversed;
    }

    /// <summary>Within each run of changes, deletions come before insertions, as readers of diffs expect.</summary>
    private static List<LineEdit> GroupDeletionsFirst(List<LineEdit> edits)
    {
        var result = new List<LineEdit>(edits.Count);
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == LineEditKind.Equal)
            {
                result.Add(edits[i++]);
                continue;
            }

            var end = i;
            while (end < edits.Count && edits[end].Kind != LineEditKind.Equal)
            {
                end++;
            }

            var run = edits.GetRange(i, end - i);
            result.AddRange(run.Where(e => e.Kind == LineEditKind.Delete));
            result.AddRange(run.Where(e => e.Kind == LineEditKind.Insert));
            i = end;
        }

        return result;
    }
}
