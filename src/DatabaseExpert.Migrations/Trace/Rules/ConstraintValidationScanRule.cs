using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-constraint-validation-scan</c>: a CHECK or FOREIGN KEY constraint was added to a table that existed before
/// the migration as already valid (<c>pg_constraint.convalidated</c> true), so PostgreSQL read every row to check it
/// while holding the ALTER TABLE's lock. Adding it NOT VALID and validating it in a later statement takes only SHARE UPDATE
/// EXCLUSIVE for the scan, which lets reads and writes continue.
/// </summary>
internal sealed class ConstraintValidationScanRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.ConstraintValidationScan, Severity.Warning, "Constraint added as valid: every row checked under a blocking lock");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var (statement, constraint, table, mode) in TraceFindings.ConstraintsAddedToExistingTables(
                     file, (_, c) => c.Validated && c.Kind is ConstraintKind.Check or ConstraintKind.ForeignKey))
        {
            var kind = constraint.Kind == ConstraintKind.Check ? "CHECK" : "FOREIGN KEY";
            yield return TraceFindings.At(
                Info,
                file,
                statement,
                $"{kind} constraint {constraint.Name} was added to {table.Name} as valid: PostgreSQL checked every row while "
                + $"holding {mode.ToPgName()}, which blocks {mode.BlockedTraffic()}",
                "Add the constraint NOT VALID (instant: only new rows are checked), then VALIDATE CONSTRAINT in a separate "
                + "transaction: the validation scan takes SHARE UPDATE EXCLUSIVE, which lets reads and writes continue.",
                $"{mode.ToPgName()} on {table.Name} ({TraceFindings.Rows(table)}); convalidated = true after the statement; "
                + $"{TraceFindings.Ms(statement.Trace.DurationMs)} here",
                $"ALTER TABLE {table.Name} ADD CONSTRAINT {constraint.Name} {constraint.Definition} NOT VALID;\n"
                + $"-- in a separate transaction (a later migration):\nALTER TABLE {table.Name} VALIDATE CONSTRAINT {constraint.Name};");
        }
    }
}
