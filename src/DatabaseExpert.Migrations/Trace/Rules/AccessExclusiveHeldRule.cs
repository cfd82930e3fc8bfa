using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-access-exclusive-held</c>: a statement ran while the transaction already held ACCESS EXCLUSIVE on a table
/// that existed before the migration, taken by an earlier statement. Nothing can read or write that table until COMMIT,
/// so every later statement (a validation scan, a backfill, an index build) lengthens the outage. SET and RESET are not
/// reported: they take no time.
/// </summary>
internal sealed class AccessExclusiveHeldRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.AccessExclusiveHeld, Severity.Warning, "Statement runs while ACCESS EXCLUSIVE is held from an earlier statement");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var statement in file.Statements.Where(s => s.Ran && s.Trace.HeldAccessExclusive.Count > 0 && !s.Statement.StartsWith("SET")
                     && !s.Statement.StartsWith("RESET")))
        {
            var held = statement.Before!.Locks
                .Where(l => l.Mode == LockMode.AccessExclusive && file.Preexisting.Contains(l.Oid) && !statement.FileLocks.Contains(l))
                .Select(l => (Name: statement.Before.NameOf(l.Oid), TakenBy: file.Statements.First(s => s.NewLocks.Contains(l))))
                .OrderBy(x => x.TakenBy.Trace.Index)
                .ToList();
            var first = held[0];
            var names = string.Join(", ", held.Select(h => h.Name));
            yield return TraceFindings.At(
                Info,
                file,
                statement,
                $"{TraceFindings.Verb(statement)} runs while this transaction holds AccessExclusiveLock on {names} (taken at line "
                + $"{first.TakenBy.Trace.Line}): nothing can read or write {names} until the migration commits",
                "Keep ACCESS EXCLUSIVE for as short a time as possible: put the statement that takes it in a migration (or "
                + "transaction) of its own, or make it the last statement of this one, so other work does not run while every "
                + "query on the table waits.",
                $"AccessExclusiveLock on {names} held since {file.File.DisplayPath}:{first.TakenBy.Trace.Line}; this statement took "
                + TraceFindings.Ms(statement.Trace.DurationMs) + " here");
        }
    }
}
