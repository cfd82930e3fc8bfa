using DatabaseExpert.Postgres.Advisor.Internal.Statistics;

namespace DatabaseExpert.Postgres.Advisor.Internal.Candidates;

/// <summary>Whether an existing index already provides what a candidate would: then the candidate is never proposed.</summary>
internal static class CandidateCoverage
{
    /// <summary>
    /// An existing valid B-tree covers a candidate when the candidate's keys are a leading prefix of its keys (same
    /// order, or all reversed), it has the same partial predicate (or neither has one), and it holds every INCLUDE column.
    /// </summary>
    public static bool IsCoveredBy(IndexCandidate candidate, ExistingIndex existing)
    {
        if (!existing.Usable || existing.Method != "btree" || existing.Table != candidate.Table || existing.KeyColumns.Count < candidate.Keys.Count)
        {
            return false;
        }

        bool Same(bool reversed) => candidate.Keys.Select((key, i) =>
        {
            var (column, descending, nullsFirst) = existing.KeyColumns[i];
            var wanted = reversed ? key.Reversed : key;
            return column == key.Column && descending == wanted.Descending && nullsFirst == wanted.NullsFirst;
        }).All(match => match);

        if (!Same(reversed: false) && !Same(reversed: true))
        {
            return false;
        }

        var predicateMatches = (existing.Predicate, candidate.Predicate) switch
        {
            (null, null) => true,
            ({ } existingPredicate, { } predicate) => predicate.Matches(existingPredicate),
            _ => false,
        };
        var columns = existing.KeyColumns.Select(k => k.Column).Concat(existing.IncludeColumns).ToHashSet(StringComparer.Ordinal);
        return predicateMatches && candidate.Include.All(columns.Contains);
    }
}
