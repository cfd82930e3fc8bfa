namespace DatabaseExpert.Postgres.Catalog.Internal.Ddl;

/// <summary>
/// Constraints and indexes, the way partitioned tables need them: key constraints and indexes are created on each
/// table ONLY and then attached to their parent's (so partition index names survive); CHECK and FOREIGN KEY
/// constraints are added to the parent alone and reach the partitions by themselves.
/// </summary>
internal static class ConstraintDdl
{
    public static void WriteKeysAndChecks(SqlScript script, IReadOnlyList<TableInfo> tables)
    {
        script.Section("Primary keys, unique and exclusion constraints, checks");
        foreach (var table in tables)
        {
            var only = $"ALTER TABLE ONLY {Identifiers.Quote(table.QualifiedName)} ADD CONSTRAINT";
            var keys = (table.PrimaryKey is null ? [] : new[] { (table.PrimaryKey.Name, table.PrimaryKey.Definition) })
                .Concat(table.UniqueConstraints.Select(u => (u.Name, u.Definition)))
                .Concat(table.Exclusions.Select(x => (x.Name, x.Definition)));
            foreach (var (name, definition) in keys)
            {
                script.Statement($"{only} {Identifiers.Quote(name)} {definition}");
            }

            foreach (var check in table.Checks.Where(c => !c.Inherited))
            {
                script.Statement($"ALTER TABLE {Identifiers.Quote(table.QualifiedName)} ADD CONSTRAINT {Identifiers.Quote(check.Name)} {check.Definition}");
            }
        }
    }

    /// <summary>Indexes that no constraint owns, exactly as pg_get_indexdef wrote them.</summary>
    public static void WriteIndexes(SqlScript script, IEnumerable<IndexInfo> indexes)
    {
        foreach (var index in indexes.Where(i => i.Constraint is null))
        {
            script.Statement(index.Definition);
        }
    }

    /// <summary>Attaches partition indexes to their parents', deepest partitions first.</summary>
    public static void WriteIndexAttachments(SqlScript script, IReadOnlyList<TableInfo> tablesInCreationOrder)
    {
        foreach (var table in tablesInCreationOrder.Reverse())
        {
            foreach (var index in table.Indexes.Where(i => i.ParentIndex is not null))
            {
                script.Statement($"ALTER INDEX {Identifiers.Quote(index.ParentIndex!)} ATTACH PARTITION {Identifiers.Quote(table.Schema, index.Name)}");
            }
        }
    }

    public static void WriteForeignKeys(SqlScript script, IReadOnlyList<TableInfo> tables)
    {
        script.Section("Foreign keys");
        foreach (var table in tables)
        {
            foreach (var key in table.ForeignKeys.Where(k => !k.Inherited))
            {
                script.Statement($"ALTER TABLE {Identifiers.Quote(table.QualifiedName)} ADD CONSTRAINT {Identifiers.Quote(key.Name)} {key.Definition}");
            }
        }
    }
}
