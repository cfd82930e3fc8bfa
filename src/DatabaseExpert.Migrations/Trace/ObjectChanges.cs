using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Trace;

/// <summary>pg_class.relkind, named.</summary>
public enum RelationKind
{
    Table,
    PartitionedTable,
    Index,
    PartitionedIndex,
    Sequence,
    View,
    MaterializedView,
    ForeignTable,
    CompositeType,
    Other,
}

/// <summary>pg_constraint.contype, named.</summary>
public enum ConstraintKind
{
    PrimaryKey,
    ForeignKey,
    Unique,
    Check,
    Exclusion,
    Trigger,
    NotNull,
    Other,
}

public enum ChangeKind
{
    Added,
    Dropped,
    Altered,
}

/// <summary>A relation-level lock a statement acquired.</summary>
/// <param name="Relation">Name (schema-qualified unless in <c>public</c>, quoted where needed).</param>
/// <param name="Mode">The lock mode.</param>
/// <param name="Kind">Table, index, sequence, …</param>
/// <param name="Preexisting">False for relations created earlier in the same migration (their locks block nobody).</param>
public sealed record LockTaken(string Relation, LockMode Mode, RelationKind Kind, bool Preexisting);

/// <summary>A relation whose storage file was replaced: every row was copied (or the index rebuilt).</summary>
public sealed record Rewrite(string Relation, RelationKind Kind, uint OldFileNode, uint NewFileNode);

/// <summary>A column added, dropped or altered on a relation that existed before the statement.</summary>
public sealed record ColumnChange(
    string Relation,
    string Column,
    ChangeKind Kind,
    string? OldType,
    string? NewType,
    bool? OldNotNull,
    bool? NewNotNull,
    string? OldDefault,
    string? NewDefault);

/// <summary>
/// A constraint added, dropped or altered (validated, renamed). Validated = pg_constraint.convalidated after the change
/// (before it, for a drop); Definition = pg_get_constraintdef.
/// </summary>
public sealed record ConstraintChange(string Relation, string Name, ConstraintKind Type, ChangeKind Kind, bool Validated, string Definition);

/// <summary>An index added, dropped or altered (validity, readiness, name).</summary>
public sealed record IndexChange(string Index, string Relation, ChangeKind Kind, bool Valid, bool Ready, string Definition);
