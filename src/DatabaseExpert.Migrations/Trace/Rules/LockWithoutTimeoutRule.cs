using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-lock-without-timeout</c>: a statement took a lock that blocks reads or writes on a table that already
/// existed, while <c>lock_timeout</c> was 0. If another transaction holds a conflicting lock, the statement waits for
/// it, and every query on the table queues behind the waiting statement: an outage with no error. Not reported: locks on
/// relations created earlier in the same migration, locks the transaction already held in a stronger mode, and the
/// SHARE ROW EXCLUSIVE a new table's foreign key takes on the table it references (the validation only reads the new,
/// empty table).
/// </summary>
internal sealed class LockWithoutTimeoutRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.LockWithoutTimeout, Severity.Warning, "Lock that blocks reads or writes taken without lock_timeout");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var statement in file.Statements.Where(s => s.Ran && s.Trace.InTransaction && TraceFindings.IsDisabled(s.Trace.LockTimeout)))
        {
            var referencedByNewTables = statement.AddedConstraints
                .Where(c => c.Kind == ConstraintKind.ForeignKey && !file.Preexisting.Contains(c.TableOid))
                .Select(c => c.ReferencedTableOid)
                .ToHashSet();
            var strongest = statement.NewLocks
                .Where(l => l.Mode.IsDangerous() && file.Preexisting.Contains(l.Oid))
                .Where(l => !statement.Before!.Locks.Any(held => held.Oid == l.Oid && held.Mode.Covers(l.Mode)))
                .Where(l => !(l.Mode == LockMode.ShareRowExclusive && referencedByNewTables.Contains(l.Oid)))
                .OrderByDescending(l => l.Mode)
                .ThenBy(l => statement.After!.NameOf(l.Oid), StringComparer.Ordinal)
                .Cast<HeldLock?>()
                .FirstOrDefault();
            if (strongest is not { } taken)
            {
                continue;
            }

            var relation = statement.After!.Relations.GetValueOrDefault(taken.Oid) ?? statement.Before!.Relations[taken.Oid];
            var mode = taken.Mode.ToPgName();
            yield return TraceFindings.At(
                Info,
                file,
                statement,
                $"{TraceFindings.Verb(statement)} took {mode} on {relation.Kind.Describe()} {relation.Name} with no lock_timeout: while it waits "
                + $"for a conflicting lock, {taken.Mode.BlockedTraffic()} on {relation.Name} queue behind it",
                "Set lock_timeout at the top of the migration so the statement gives up (and can be retried) instead of stalling the "
                + "application behind it: SET lock_timeout = '5s'; in a transaction, SET LOCAL lock_timeout = '5s'; works too. "
                + "Retry the migration on failure, at a quiet time.",
                $"{mode} on {relation.Name} ({TraceFindings.Rows(relation)}); lock_timeout = {statement.Trace.LockTimeout}",
                $"SET lock_timeout = '5s';\n{statement.Trace.Sql};");
        }
    }
}
