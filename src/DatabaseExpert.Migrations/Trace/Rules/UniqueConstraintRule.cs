using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-unique-constraint</c>: a UNIQUE or PRIMARY KEY constraint added to a table that existed before the migration
/// built its index inside the ALTER TABLE (the index is new in the same statement), under ACCESS EXCLUSIVE for the whole
/// build. Building the unique index CONCURRENTLY first and attaching it with <c>USING INDEX</c> is not reported.
/// </summary>
internal sealed class UniqueConstraintRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.UniqueConstraint, Severity.Warning, "UNIQUE or PRIMARY KEY constraint builds its index under a blocking lock");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        // Only when the index is new in the statement: USING INDEX attaches one built (concurrently) before.
        foreach (var (statement, constraint, table, mode) in TraceFindings.ConstraintsAddedToExistingTables(
                     file, (s, c) => c.Kind is ConstraintKind.Unique or ConstraintKind.PrimaryKey && !s.Before!.Relations.ContainsKey(c.IndexOid)
                         && s.After!.Indexes.ContainsKey(c.IndexOid)))
        {
            var index = statement.After!.Indexes[constraint.IndexOid];
            var kind = constraint.Kind == ConstraintKind.Unique ? "UNIQUE" : "PRIMARY KEY";
            yield return TraceFindings.At(
                Info,
                file,
                statement,
                $"{kind} constraint {constraint.Name} on {table.Name} built its index while holding {mode.ToPgName()}: "
                + $"{mode.BlockedTraffic()} on {table.Name} wait for the whole build",
                $"Build the unique index CONCURRENTLY first (outside a transaction), then attach it: ADD CONSTRAINT … {kind} USING "
                + "INDEX only needs a brief ACCESS EXCLUSIVE (set lock_timeout)."
                + (constraint.Kind == ConstraintKind.PrimaryKey ? " A primary key also needs its columns NOT NULL: see trace-not-null-scan." : string.Empty),
                $"{mode.ToPgName()} on {table.Name} ({TraceFindings.Rows(table)}); new index {statement.After.NameOf(index.Oid)} built in "
                + TraceFindings.Ms(statement.Trace.DurationMs) + " here",
                $"""
                {TraceFindings.Concurrently(index.Definition)};
                -- then, in a migration of its own:
                SET lock_timeout = '5s';
                ALTER TABLE {table.Name} ADD CONSTRAINT {constraint.Name} {kind} USING INDEX {statement.After.NameOf(index.Oid)};
                """);
        }
    }
}
