using DatabaseExpert.Postgres.Advisor.Internal.Plans;
using DatabaseExpert.Postgres.Advisor.Internal.Statistics;

namespace DatabaseExpert.Postgres.Advisor.Internal.Candidates;

/// <summary>
/// Proposes B-tree indexes for one query's use of one table: every filtered, joined, sorted or grouped column alone;
/// equality columns (most selective first) followed by one range column or by the ORDER BY columns in their
/// direction, up to <see cref="MaxKeyColumns"/> columns; the same without a rare constant that becomes a partial
/// index's WHERE instead; and INCLUDE variants that allow an index-only scan when few, narrow columns are missing.
/// Whether any of them pays is left to what-if costing.
/// </summary>
internal static class CandidateGenerator
{
    public const int MaxKeyColumns = 3;

    /// <summary>A partial index pays when the rows it keeps are rare: at most this fraction of the table …</summary>
    public const double MaxPartialFraction = 0.2;

    /// <summary>
    /// … and rarer than a typical value of the column by this factor: a skewed column (most orders delivered, a few
    /// pending) where the query singles out the rare value. A value as common as the others (one of 42 categories,
    /// one of 10 countries) is a parameter that varies, and a partial index for it would serve one value only.
    /// </summary>
    public const double MaxPartialShareOfTypical = 0.5;

    /// <summary>A partial index is for a low-cardinality column (a status, a flag): at most this many distinct values.</summary>
    public const double MaxPartialDistinct = 100;

    /// <summary>INCLUDE only a few columns, each no wider than this on average (bytes), so the index stays small.</summary>
    public const int MaxIncludeColumns = 3;

    public const int MaxIncludeWidth = 64;

    // Types without a default B-tree operator class.
    private static readonly HashSet<string> NotBtreeTypes = new(StringComparer.Ordinal)
    {
        "json", "xml", "point", "polygon", "box", "circle", "line", "lseg", "path",
    };

    /// <summary>Every distinct candidate of a workload that no existing index already provides, in <see cref="IndexCandidate.Id"/> order.</summary>
    public static IReadOnlyList<IndexCandidate> ForWorkload(
        IEnumerable<QueryProfile> profiles, IReadOnlyDictionary<RelationRef, TableStatistics> statistics, IReadOnlyList<ExistingIndex> existing) =>
        profiles.SelectMany(p => p.Relations.Values)
            .Where(u => statistics.ContainsKey(u.Relation))
            .SelectMany(u => Generate(u, statistics[u.Relation]))
            .DistinctBy(c => c.Id)
            .Where(c => !existing.Any(e => CandidateCoverage.IsCoveredBy(c, e)))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<IndexCandidate> Generate(RelationUsage usage, TableStatistics statistics)
    {
        bool Indexable(string column) =>
            statistics.Columns.TryGetValue(column, out var c) && !NotBtreeTypes.Contains(c.Type);

        // Most selective first; the name breaks ties so the order is deterministic.
        IEnumerable<string> BySelectivity(IEnumerable<string> columns) =>
            columns.Where(Indexable).OrderByDescending(statistics.DistinctCount).ThenBy(c => c, StringComparer.Ordinal);

        var equality = BySelectivity(usage.Equality.Keys.Concat(usage.Join).Distinct()).ToList();
        var range = BySelectivity(usage.Range.Except(equality)).ToList();
        var sort = usage.Sort?.Where(s => !equality.Contains(s.Column) && Indexable(s.Column))
            .Select(s => new IndexKeyColumn(s.Column, s.Descending, s.NullsFirst)).ToList() ?? [];
        var group = usage.Group?.Where(Indexable).ToList() ?? [];

        var keySets = new List<IReadOnlyList<IndexKeyColumn>>();
        void Add(IEnumerable<IndexKeyColumn> keys)
        {
            var list = keys.DistinctBy(k => k.Column).Take(MaxKeyColumns).ToList();
            if (list.Count > 0)
            {
                keySets.Add(list);
            }
        }

        static IEnumerable<IndexKeyColumn> Plain(IEnumerable<string> columns) => columns.Select(c => new IndexKeyColumn(c));

        // Multi-column first: where two shapes turn out to be the same index, the ORDER BY-matching one is kept.
        if (sort.Count > 0 && (equality.Count > 0 || sort.Count > 1))
        {
            Add(Plain(equality.Take(MaxKeyColumns - 1)).Concat(sort));
        }

        foreach (var column in range.Where(_ => equality.Count > 0))
        {
            Add(Plain(equality.Take(MaxKeyColumns - 1).Append(column)));
        }

        for (var count = 2; count <= Math.Min(equality.Count, MaxKeyColumns); count++)
        {
            Add(Plain(equality.Take(count)));
        }

        if (group.Count > 1 || (group.Count > 0 && equality.Count > 0))
        {
            Add(Plain(equality.Take(MaxKeyColumns - 1).Concat(group)));
        }

        foreach (var column in equality.Concat(range).Concat(sort.Take(1).Select(s => s.Column)).Concat(group.Take(1)))
        {
            Add(Plain([column]));
        }

        var candidates = new List<IndexCandidate>();
        foreach (var keys in keySets)
        {
            candidates.Add(new IndexCandidate(usage.Relation, keys));
        }

        foreach (var predicate in PartialPredicates(usage, statistics))
        {
            foreach (var keys in keySets)
            {
                var rest = keys.Where(k => k.Column != predicate.Column).ToList();
                if (rest.Count > 0)
                {
                    candidates.Add(new IndexCandidate(usage.Relation, rest, predicate: predicate));
                }
            }
        }

        foreach (var candidate in candidates.ToList())
        {
            var missing = usage.Referenced
                .Where(c => candidate.Keys.All(k => k.Column != c) && c != candidate.Predicate?.Column)
                .ToList();
            if (missing.Count is > 0 and <= MaxIncludeColumns
                && missing.All(c => statistics.Columns.TryGetValue(c, out var s) && s.AverageWidth is <= MaxIncludeWidth))
            {
                candidates.Add(new IndexCandidate(candidate.Table, candidate.Keys, missing, candidate.Predicate));
            }
        }

        return candidates.DistinctBy(c => c.Id);
    }

    /// <summary>Rare constants the query always filters on, in a low-cardinality column: the WHERE of a partial index.</summary>
    private static IEnumerable<PartialPredicate> PartialPredicates(RelationUsage usage, TableStatistics statistics)
    {
        foreach (var (column, use) in usage.Equality)
        {
            var predicate = use.Kind switch
            {
                EqualityKind.Value when use.Literal is not null => new PartialPredicate(column, PredicateKind.EqualsLiteral, use.Literal),
                EqualityKind.IsNull => new PartialPredicate(column, PredicateKind.IsNull),
                EqualityKind.IsTrue => new PartialPredicate(column, PredicateKind.IsTrue),
                EqualityKind.IsFalse => new PartialPredicate(column, PredicateKind.IsFalse),
                _ => null,
            };
            var distinct = statistics.DistinctCount(column);
            var rare = use.Kind == EqualityKind.IsNull
                ? statistics.Frequency(column, use) is <= MaxPartialFraction
                : distinct <= MaxPartialDistinct
                  && statistics.Frequency(column, use) is { } frequency
                  && frequency <= MaxPartialFraction
                  && frequency <= MaxPartialShareOfTypical / distinct;
            if (predicate is not null && rare)
            {
                yield return predicate;
            }
        }

        foreach (var column in usage.NotNull)
        {
            if (statistics.Columns.TryGetValue(column, out var s) && s.DistinctRaw is not null && 1 - s.NullFraction <= MaxPartialFraction)
            {
                yield return new PartialPredicate(column, PredicateKind.IsNotNull);
            }
        }
    }
}
