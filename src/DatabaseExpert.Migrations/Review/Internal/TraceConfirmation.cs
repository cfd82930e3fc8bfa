using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Rules;

namespace DatabaseExpert.Migrations.Review.Internal;

/// <summary>
/// When the trace measured what a static rule predicted at the same statement, review reports it once: the rule's
/// finding (its recipe) carries the measurement as evidence. Trace findings no rule predicted stay as they are.
/// </summary>
internal static class TraceConfirmation
{
    private static readonly Dictionary<string, string[]> Confirms = new(StringComparer.Ordinal)
    {
        [TraceRuleIds.IndexNotConcurrent] = ["require-concurrent-index-creation"],
        [TraceRuleIds.LockWithoutTimeout] = ["require-lock-timeout"],
        [TraceRuleIds.TableRewrite] = ["changing-column-type", "adding-field-with-default", "alter-table-rewrite"],
        [TraceRuleIds.ConstraintValidationScan] = ["adding-foreign-key-constraint", "constraint-missing-not-valid"],
        [TraceRuleIds.NotNullScan] = ["setting-not-null"],
        [TraceRuleIds.UniqueConstraint] = ["disallowed-unique-constraint", "adding-primary-key-constraint"],
        [TraceRuleIds.ExclusionConstraint] = ["ban-exclusion-constraint-on-existing-table"],
        [TraceRuleIds.BulkRowChange] = ["backfill-in-migration"],
        [TraceRuleIds.MigrationFailed] = ["adding-not-nullable-field"],
    };

    public static List<Finding> Merge(IReadOnlyList<Finding> findings)
    {
        var result = findings.ToList();
        foreach (var trace in findings.Where(f => f.Origin == FindingOrigin.Trace && Confirms.ContainsKey(f.Rule)))
        {
            var index = result.FindIndex(f => f.Origin == FindingOrigin.Lint && Confirms[trace.Rule].Contains(f.Rule)
                && f.File == trace.File && f.Line == trace.Line);
            if (index < 0)
            {
                continue;
            }

            var lint = result[index];
            var measured = trace.Evidence ?? trace.Message;
            result[index] = lint with
            {
                Severity = (Severity)Math.Max((int)lint.Severity, (int)trace.Severity),
                Evidence = lint.Evidence is null ? $"confirmed by {trace.Rule}: {measured}" : $"{lint.Evidence}; confirmed by {trace.Rule}: {measured}",
            };
            result.Remove(trace);
        }

        return result;
    }
}
