using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Rules.Internal;

/// <summary>The write-blocking locks a statement takes on objects that existed before the migration.</summary>
internal static class DangerousLocks
{
    public static TableLock? Strongest(AnalyzedStatement statement, MigrationContext migration)
    {
        TableLock? strongest = null;
        foreach (var tableLock in StatementLocks.Of(statement))
        {
            // A new foreign key's parent is locked only briefly and never scanned; objects of this migration are unused.
            if (tableLock.Referenced || !tableLock.Mode.BlocksWrites() || IsNew(statement, tableLock.Table, migration))
            {
                continue;
            }

            if (strongest is null || tableLock.Mode > strongest.Mode)
            {
                strongest = tableLock;
            }
        }

        return strongest;
    }

    private static bool IsNew(AnalyzedStatement statement, ObjectName name, MigrationContext migration) => statement switch
    {
        DropIndexStatement => migration.IsNewIndex(name),
        ReindexStatement { Target: ReindexTarget.Index } => migration.IsNewIndex(name),
        _ => migration.IsNewTable(name),
    };
}
