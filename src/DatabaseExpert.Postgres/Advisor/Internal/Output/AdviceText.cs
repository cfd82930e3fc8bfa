using System.Globalization;
using System.Text;
using DatabaseExpert.Postgres.Advisor.Internal.Workload;

namespace DatabaseExpert.Postgres.Advisor.Internal.Output;

/// <summary>The compact text of an <see cref="AdviseResult"/> for a model: every statement to run, and the figures behind it.</summary>
internal static class AdviceText
{
    public static string Render(AdviseResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Index advice for {result.Queries.Count} queries from {result.Source}: estimated workload cost {Cost(result.WorkloadCostBefore)} → "
            + $"{Cost(result.WorkloadCostAfter)} ({Change(result.WorkloadCostBefore, result.WorkloadCostAfter)}); "
            + $"{result.CandidatesConsidered} candidate indexes costed with hypopg{(result.BudgetBytes is { } b ? $", budget {Size(b)}" : string.Empty)}.");
        if (result.Recommendations.Count == 0)
        {
            text.AppendLine("No index pays for itself: the existing indexes serve this workload.");
        }

        for (var i = 0; i < result.Recommendations.Count; i++)
        {
            var r = result.Recommendations[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {r.Definition};");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"   ~{Size(r.EstimatedSizeBytes)}; helps {r.Queries.Count} quer{(r.Queries.Count == 1 ? "y" : "ies")}: cost {Cost(r.CostBefore)} → {Cost(r.CostAfter)}");
            foreach (var q in r.Queries)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   - {q.Source}: {Cost(q.CostBefore)} → {Cost(q.CostAfter)}  {WorkloadFilter.Excerpt(q.Query, 100)}");
            }
        }

        if (result.Skipped.Count > 0)
        {
            text.AppendLine("Not costed:");
            foreach (var s in result.Skipped)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {s.Source}: {s.Reason}");
            }
        }

        if (result.Verification is { } verification)
        {
            AppendVerification(text, verification);
        }

        return text.ToString().TrimEnd();
    }

    private static void AppendVerification(StringBuilder text, AdviceVerification verification)
    {
        if (!verification.Performed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Verification not performed: {verification.Reason}");
            return;
        }

        text.AppendLine("Verified with real indexes (built in a transaction, then rolled back; EXPLAIN ANALYZE median):");
        foreach (var index in verification.Indexes)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {index.Name}: {Size(index.SizeBytes)}, built in {index.BuildMs:0} ms{(index.Usable ? string.Empty : " (not usable in that transaction: broken HOT chains; VACUUM first)")}");
        }

        foreach (var q in verification.Queries)
        {
            var line = q.BeforeMs is { } before && q.AfterMs is { } after
                ? $"- {q.Source}: {Milliseconds(before)} → {Milliseconds(after)} ({Speedup(before, after)})"
                : $"- {q.Source}: {q.NotTimedReason}";
            text.AppendLine(line);
        }
    }

    public static string Cost(double cost) => cost.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Change(double before, double after) =>
        before <= 0 ? "no change" : ((after - before) / before).ToString("+0.#%;−0.#%;0%", CultureInfo.InvariantCulture);

    public static string Milliseconds(double ms) => ms.ToString("0.###", CultureInfo.InvariantCulture) + " ms";

    public static string Speedup(double before, double after) =>
        after <= 0 ? "faster" : (before / after).ToString("0.#", CultureInfo.InvariantCulture) + "× faster";

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " kB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
