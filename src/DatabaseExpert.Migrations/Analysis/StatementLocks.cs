using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// A table lock a statement takes, whether the statement also reads or rewrites the whole table while holding it, and
/// whether the table is only the one a new foreign key references (locked briefly, never scanned).
/// </summary>
public sealed record TableLock(ObjectName Table, LockMode Mode, bool LongRunning, bool Referenced = false);

/// <summary>
/// The table locks a statement takes, as the PostgreSQL manual documents them (ALTER TABLE takes the strongest lock
/// of its actions). A statement that is not listed takes no lock the rules care about. <c>dbx trace</c> measures them.
/// </summary>
public static class StatementLocks
{
    public static IReadOnlyList<TableLock> Of(AnalyzedStatement statement) => statement switch
    {
        AlterTableStatement alter => AlterTable(alter),
        CreateIndexStatement index => [new TableLock(index.Table, index.Concurrently ? LockMode.ShareUpdateExclusive : LockMode.Share, true)],
        DropIndexStatement drop when !drop.Concurrently => [.. drop.Indexes.Select(i => new TableLock(i, LockMode.AccessExclusive, false))],
        ReindexStatement { Target: ReindexTarget.Table or ReindexTarget.Index, Name: { } name } reindex =>
            [new TableLock(name, reindex.Concurrently ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive, true)],
        CreateTableStatement create =>
            [.. create.ReferencedTables.Distinct().Select(t => new TableLock(t, LockMode.ShareRowExclusive, false, Referenced: true))],
        DropStatement { Kind: DroppedObjectKind.Table or DroppedObjectKind.MaterializedView or DroppedObjectKind.View } drop =>
            [.. drop.Names.Select(t => new TableLock(t, LockMode.AccessExclusive, false))],
        TruncateStatement truncate => [.. truncate.Tables.Select(t => new TableLock(t, LockMode.AccessExclusive, false))],
        VacuumStatement { Full: true } vacuum => [.. vacuum.Tables.Select(t => new TableLock(t, LockMode.AccessExclusive, true))],
        ClusterStatement { Table: { } table } => [new TableLock(table, LockMode.AccessExclusive, true)],
        LockStatement lockStatement => [.. lockStatement.Tables.Select(t => new TableLock(t, lockStatement.Mode, false))],
        RefreshMaterializedViewStatement refresh =>
            [new TableLock(refresh.View, refresh.Concurrently ? LockMode.Exclusive : LockMode.AccessExclusive, true)],
        CreateTriggerStatement trigger => [new TableLock(trigger.Table, LockMode.ShareRowExclusive, false)],
        _ => [],
    };

    private static List<TableLock> AlterTable(AlterTableStatement alter)
    {
        LockMode? mode = null;
        var longRunning = false;
        var locks = new List<TableLock>();
        foreach (var action in alter.Actions)
        {
            var (actionMode, scans) = action switch
            {
                AddConstraintAction { Constraint.Kind: ConstraintKind.ForeignKey } add => (LockMode.ShareRowExclusive, !add.Constraint.NotValid),
                AddConstraintAction add => (LockMode.AccessExclusive, !add.Constraint.NotValid || add.Constraint.UsingIndex is null && add.Constraint.Kind
                    is ConstraintKind.Unique or ConstraintKind.PrimaryKey or ConstraintKind.Exclude),
                ValidateConstraintAction => (LockMode.ShareUpdateExclusive, true),
                TriggerAction => (LockMode.ShareRowExclusive, false),
                AttachPartitionAction => (LockMode.ShareUpdateExclusive, false),
                DetachPartitionAction { Concurrently: true } => (LockMode.ShareUpdateExclusive, false),
                OtherAlterTableAction other => (other.Lock, false),
                SetNotNullAction or AlterColumnTypeAction or RewriteTableAction => (LockMode.AccessExclusive, true),
                AddColumnAction add => (LockMode.AccessExclusive, add.Column.Generation != ColumnGeneration.None || add.Column.References is not null),
                _ => (LockMode.AccessExclusive, false),
            };
            if (mode is null || actionMode > mode)
            {
                mode = actionMode;
            }

            longRunning |= scans;
            var referenced = action switch
            {
                AddConstraintAction { Constraint.ReferencedTable: { } table } => table,
                AddColumnAction { Column.References: { } table } => table,
                _ => null,
            };
            if (referenced is not null)
            {
                locks.Add(new TableLock(referenced, LockMode.ShareRowExclusive, false, Referenced: true));
            }
        }

        locks.Insert(0, new TableLock(alter.Table, mode ?? LockMode.AccessExclusive, longRunning));
        return locks;
    }
}
