using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>
/// <c>trace-table-rewrite</c>: a table (or index) that existed before the migration got a new <c>relfilenode</c> while
/// the transaction held a lock that blocks reads or writes on it: PostgreSQL copied every row (or rebuilt the index),
/// and the application waited for the whole copy. Typical causes: ALTER COLUMN TYPE to a type that is not binary
/// coercible (integer → bigint), ADD COLUMN with a volatile default, SET LOGGED/UNLOGGED, VACUUM FULL, CLUSTER.
/// </summary>
internal sealed class TableRewriteRule : ITraceRule
{
    public static TraceRuleInfo Info { get; } =
        new(TraceRuleIds.TableRewrite, Severity.Error, "Table or index rewritten under a lock that blocks reads or writes");

    public IEnumerable<Finding> Check(FileTrace file)
    {
        foreach (var statement in file.Statements.Where(s => s.Ran && s.Trace.InTransaction))
        {
            var before = statement.Before!;
            var after = statement.After!;
            var rewritten = before.Relations.Values
                .Where(r => file.Preexisting.Contains(r.Oid) && r.FileNode != 0 && after.Relations.TryGetValue(r.Oid, out var now)
                    && now.FileNode != 0 && now.FileNode != r.FileNode)
                .ToList();

            // Report the table; its indexes are rebuilt with it. An index alone (REINDEX) is reported when no table was.
            var subject = rewritten.FirstOrDefault(r => r.Kind.IsTableLike()) ?? rewritten.FirstOrDefault();
            if (subject is null)
            {
                continue;
            }

            var table = subject.Kind.IsIndex() && before.Indexes.TryGetValue(subject.Oid, out var index) ? index.TableOid : subject.Oid;
            var lockMode = new[] { statement.StrongestLockOn(subject.Oid), statement.StrongestLockOn(table) }.Max();
            if (lockMode is not { } mode || !mode.IsDangerous())
            {
                continue;
            }

            var alsoRebuilt = rewritten.Count - 1;
            var typeChanges = statement.Trace.ColumnChanges.Where(c => c.Kind == ChangeKind.Altered && c.OldType != c.NewType).ToList();
            var addedWithDefault = statement.Trace.ColumnChanges.Where(c => c.Kind == ChangeKind.Added && c.NewDefault is not null).ToList();
            var cause = typeChanges.Count > 0
                ? " (" + string.Join(", ", typeChanges.Select(c => $"{c.Column} {c.OldType} → {c.NewType}")) + ")"
                : addedWithDefault.Count > 0
                    ? " (" + string.Join(", ", addedWithDefault.Select(c => $"new column {c.Column} DEFAULT {c.NewDefault}")) + ")"
                    : string.Empty;
            var extra = alsoRebuilt > 0 ? $" and rebuilt {alsoRebuilt} more relation(s) (its indexes)" : string.Empty;
            var rewrittenNow = after.Relations[subject.Oid];
            yield return TraceFindings.At(
                Info,
                file,
                statement,
                $"{TraceFindings.Verb(statement)} rewrote {subject.Kind.Describe()} {subject.Name}{cause}{extra} while holding "
                + $"{mode.ToPgName()}: {mode.BlockedTraffic()} on it wait for the whole copy",
                Help(typeChanges, addedWithDefault),
                $"relfilenode of {subject.Name} {subject.FileNode} → {rewrittenNow.FileNode}; {mode.ToPgName()} held; {TraceFindings.Rows(subject)} "
                + $"copied in {TraceFindings.Ms(statement.Trace.DurationMs)} here",
                SafeRewrite(subject, typeChanges, addedWithDefault));
        }
    }

    private static string Help(List<ColumnChange> typeChanges, List<ColumnChange> addedWithDefault) =>
        typeChanges.Count > 0
            ? "Change the type without a rewrite: add a new column of the new type, keep it in sync (trigger or application), "
              + "backfill it in batches, then switch readers and writers to it and drop the old column in a later migration. "
              + "Changes that need no rewrite (varchar(n) → varchar(m > n) or text, numeric precision up) are safe as they are."
            : addedWithDefault.Count > 0
                ? "A volatile default (random(), clock_timestamp(), gen_random_uuid() on old versions) is computed row by row, "
                  + "so PostgreSQL rewrites the table. Add the column without a default, SET DEFAULT for new rows, then backfill "
                  + "existing rows in batches outside the migration's transaction."
                : "Rewrites (VACUUM FULL, CLUSTER, SET LOGGED, SET TABLESPACE, some ALTER TABLE forms) hold their lock for the "
                  + "whole copy. Use an online alternative (pg_repack, a new table filled in batches) or run it in a maintenance "
                  + "window.";

    private static string? SafeRewrite(RelationState table, List<ColumnChange> typeChanges, List<ColumnChange> addedWithDefault)
    {
        if (typeChanges.FirstOrDefault() is { } change)
        {
            var column = change.Column;
            var shadow = TraceFindings.NewName(column, "new");
            return $"""
                -- migration 1
                ALTER TABLE {table.Name} ADD COLUMN {shadow} {change.NewType};
                -- keep {shadow} in sync for new writes (trigger or application), then backfill in batches, outside a transaction:
                UPDATE {table.Name} SET {shadow} = {column} WHERE {shadow} IS NULL AND ctid IN (SELECT ctid FROM {table.Name} WHERE {shadow} IS NULL LIMIT 10000);
                -- migration 2, once every row is copied and the application uses {shadow}:
                ALTER TABLE {table.Name} DROP COLUMN {column};
                ALTER TABLE {table.Name} RENAME COLUMN {shadow} TO {column};
                """;
        }

        if (addedWithDefault.FirstOrDefault() is { } added)
        {
            return $"""
                ALTER TABLE {table.Name} ADD COLUMN {added.Column} {added.NewType};
                ALTER TABLE {table.Name} ALTER COLUMN {added.Column} SET DEFAULT {added.NewDefault};
                -- then backfill in batches, outside the migration's transaction, until no row is left:
                UPDATE {table.Name} SET {added.Column} = {added.NewDefault} WHERE ctid IN (SELECT ctid FROM {table.Name} WHERE {added.Column} IS NULL LIMIT 10000);
                """;
        }

        return null;
    }
}
