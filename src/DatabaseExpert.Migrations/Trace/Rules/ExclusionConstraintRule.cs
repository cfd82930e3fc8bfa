using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-exclusion-constraint</c>: an EXCLUDE constraint added to a table that existed before the migration. It builds
/// its index under ACCESS EXCLUSIVE, and unlike UNIQUE there is no <c>USING INDEX</c> form and no concurrent build.
/// </summary>
internal sealed class ExclusionConstraintRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.ExclusionConstraint, Severity.Error, "Exclusion constraint built under ACCESS EXCLUSIVE (no online way)");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var (statement, constraint, table, mode) in TraceFindings.ConstraintsAddedToExistingTables(
                     file, (_, c) => c.Kind == ConstraintKind.Exclusion))
        {
            yield return TraceFindings.At(
                Info,
                file,
                statement,
                $"exclusion constraint {constraint.Name} on {table.Name} built its index while holding {mode.ToPgName()}: "
                + $"{mode.BlockedTraffic()} on {table.Name} wait for the whole build, and there is no concurrent way to add it",
                "There is no online way to add an exclusion constraint to a populated table. Add it when the table is created, "
                + "or in a maintenance window with lock_timeout set; enforcing the rule in the application or a trigger until "
                + "then is the usual stopgap.",
                $"{mode.ToPgName()} on {table.Name} ({TraceFindings.Rows(table)}); {TraceFindings.Ms(statement.Trace.DurationMs)} here");
        }
    }
}
