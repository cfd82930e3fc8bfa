namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>"Did you mean" candidates by edit distance, ignoring case, <c>-</c> and <c>_</c>.</summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int max = 3)
    {
        var wanted = Normalize(input);
        var limit = Math.Max(2, wanted.Length / 3);
        return candidates
            .Select(c => (Candidate: c, Distance: DatabaseExpert.Common.EditDistance.Of(wanted, Normalize(c))))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary><c>did you mean `a`?</c> / <c>did you mean `a` or `b`?</c>, or null when nothing is close.</summary>
    public static string? DidYouMean(string input, IEnumerable<string> candidates)
    {
        var closest = Closest(input, candidates);
        return closest.Count == 0 ? null : $"did you mean {string.Join(" or ", closest.Select(c => $"`{c}`"))}?";
    }

    /// <summary>Equal apart from case, <c>-</c> and <c>_</c> (<c>max_tool_rounds</c> and <c>maxToolRounds</c>).</summary>
    public static bool SameIgnoringStyle(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);


    private static string Normalize(string text) =>
        new(text.Where(c => c is not ('-' or '_')).Select(char.ToLowerInvariant).ToArray());
}
