using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-index-not-concurrent</c>: a new index on a table that existed before the migration was built inside a
/// transaction, i.e. without CONCURRENTLY: the build holds SHARE on the table, blocking every write until it finishes
/// (and until COMMIT). Indexes that back a new UNIQUE/PRIMARY KEY/EXCLUDE constraint are left to those rules; indexes
/// on tables created in the same migration block nobody.
/// </summary>
internal sealed class IndexNotConcurrentRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.IndexNotConcurrent, Severity.Warning, "Index built without CONCURRENTLY on an existing table");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var statement in file.Statements.Where(s => s.Ran && s.Trace.InTransaction))
        {
            var constraintIndexes = statement.AddedConstraints.Select(c => c.IndexOid).ToHashSet();
            foreach (var index in statement.AddedIndexes.Where(i => file.Preexisting.Contains(i.TableOid) && !constraintIndexes.Contains(i.Oid)))
            {
                var table = statement.After!.Relations[index.TableOid];
                var mode = statement.StrongestLockOn(index.TableOid) ?? LockMode.Share;
                var name = statement.After.NameOf(index.Oid);
                yield return TraceFindings.At(
                    Info,
                    file,
                    statement,
                    $"index {name} on {table.Name} was built without CONCURRENTLY: {mode.ToPgName()} on {table.Name} blocks "
                    + $"{mode.BlockedTraffic()} for the whole build and until the migration commits",
                    "Build it with CREATE INDEX CONCURRENTLY, which lets writes continue. CONCURRENTLY cannot run inside a "
                    + $"transaction, and this migration runs in one{TraceFindings.TransactionContext(file.File)}: put the statement "
                    + "in a migration that runs outside a transaction, alone (if a concurrent build fails it leaves an INVALID "
                    + "index: drop it and retry).",
                    $"{mode.ToPgName()} on {table.Name} ({TraceFindings.Rows(table)}); built in {TraceFindings.Ms(statement.Trace.DurationMs)} here",
                    TraceFindings.Concurrently(index.Definition) + ";");
            }
        }
    }
}
