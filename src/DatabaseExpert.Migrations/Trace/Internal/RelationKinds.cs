namespace DatabaseExpert.Migrations.Trace.Internal;

/// <summary>pg_class.relkind and pg_constraint.contype codes.</summary>
internal static class RelationKinds
{
    public static RelationKind FromCode(string relkind) => relkind switch
    {
        "r" => RelationKind.Table,
        "p" => RelationKind.PartitionedTable,
        "i" => RelationKind.Index,
        "I" => RelationKind.PartitionedIndex,
        "S" => RelationKind.Sequence,
        "v" => RelationKind.View,
        "m" => RelationKind.MaterializedView,
        "f" => RelationKind.ForeignTable,
        "c" => RelationKind.CompositeType,
        _ => RelationKind.Other,
    };

    public static ConstraintKind ConstraintFromCode(string contype) => contype switch
    {
        "p" => ConstraintKind.PrimaryKey,
        "f" => ConstraintKind.ForeignKey,
        "u" => ConstraintKind.Unique,
        "c" => ConstraintKind.Check,
        "x" => ConstraintKind.Exclusion,
        "t" => ConstraintKind.Trigger,
        "n" => ConstraintKind.NotNull,
        _ => ConstraintKind.Other,
    };

    public static bool IsTableLike(this RelationKind kind) =>
        kind is RelationKind.Table or RelationKind.PartitionedTable or RelationKind.MaterializedView or RelationKind.ForeignTable;

    public static bool IsIndex(this RelationKind kind) => kind is RelationKind.Index or RelationKind.PartitionedIndex;

    /// <summary>Lower-case words for messages: "table", "index", "materialized view".</summary>
    public static string Describe(this RelationKind kind) => kind switch
    {
        RelationKind.PartitionedTable => "partitioned table",
        RelationKind.PartitionedIndex => "partitioned index",
        RelationKind.MaterializedView => "materialized view",
        RelationKind.ForeignTable => "foreign table",
        RelationKind.CompositeType => "composite type",
        RelationKind.Other => "relation",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
