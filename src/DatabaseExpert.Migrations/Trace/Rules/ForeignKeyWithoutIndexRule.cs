using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-fk-without-index</c>: a foreign key added by the migration has no index whose leading columns are its
/// referencing columns, at the end of the migration (an index created later in the same file counts). Without one, every
/// DELETE or key UPDATE on the referenced table scans the referencing table, under lock, and joins along the key are slow.
/// Applies to new tables too: it is a performance problem, not a locking one.
/// </summary>
internal sealed class ForeignKeyWithoutIndexRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.ForeignKeyWithoutIndex, Severity.Warning, "New foreign key without an index on its referencing columns");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        if (file.End is not { } end)
        {
            yield break;
        }

        foreach (var statement in file.Statements.Where(s => s.Ran))
        {
            foreach (var foreignKey in statement.AddedConstraints.Where(c => c.Kind == ConstraintKind.ForeignKey && end.Constraints.ContainsKey(c.Oid)))
            {
                if (end.Indexes.Values.Any(i => i.TableOid == foreignKey.TableOid && Covers(i, foreignKey.Columns)))
                {
                    continue;
                }

                var table = end.NameOf(foreignKey.TableOid);
                var columns = string.Join(", ", foreignKey.Columns.Select(c => end.ColumnName(foreignKey.TableOid, c)));
                var referenced = end.NameOf(foreignKey.ReferencedTableOid);
                var index = TraceFindings.NewName([table, .. foreignKey.Columns.Select(c => end.ColumnName(foreignKey.TableOid, c)), "idx"]);
                yield return TraceFindings.At(
                    Info,
                    file,
                    statement,
                    $"foreign key {foreignKey.Name} on {table} ({columns}) has no index on {columns}: every DELETE or key UPDATE on "
                    + $"{referenced} scans {table}",
                    "Index the referencing columns (as the leading columns of any index). On an existing table build it "
                    + "CONCURRENTLY, outside a transaction; on a table created in this migration a plain CREATE INDEX is fine.",
                    $"no index on {table} starts with ({columns}) at the end of {file.File.DisplayPath}",
                    $"CREATE INDEX CONCURRENTLY {index} ON {table} ({columns});");
            }
        }
    }

    /// <summary>The index's first columns are exactly the key's columns, in any order; partial and expression indexes do not count.</summary>
    private static bool Covers(IndexState index, short[] columns) =>
        !index.Partial && index.Keys.Length >= columns.Length && index.Keys.Take(columns.Length).Order().SequenceEqual(columns.Order());
}
