using System.Text.Json.Serialization;
using DatabaseExpert.Postgres.Catalog.Internal;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A table (ordinary, partitioned, a partition, or foreign) with everything defined on it.</summary>
public sealed record TableInfo
{
    public required string Schema { get; init; }

    public required string Name { get; init; }

    public required TableKind Kind { get; init; }

    public required IReadOnlyList<ColumnInfo> Columns { get; init; }

    public required IReadOnlyList<IndexInfo> Indexes { get; init; }

    public required IReadOnlyList<ForeignKeyInfo> ForeignKeys { get; init; }

    public required IReadOnlyList<CheckConstraintInfo> Checks { get; init; }

    public KeyConstraintInfo? PrimaryKey { get; init; }

    public IReadOnlyList<KeyConstraintInfo> UniqueConstraints { get; init; } = [];

    public IReadOnlyList<ExclusionConstraintInfo> Exclusions { get; init; } = [];

    public IReadOnlyList<TriggerInfo> Triggers { get; init; } = [];

    public TablePersistence Persistence { get; init; }

    /// <summary><c>pg_get_partkeydef</c> of a partitioned table, e.g. <c>RANGE (created_at)</c>.</summary>
    public string? PartitionKey { get; init; }

    /// <summary>Set when this table is a partition: its parent and bound.</summary>
    public PartitionInfo? PartitionOf { get; init; }

    /// <summary>Parents by (non-partition) inheritance, in order.</summary>
    public IReadOnlyList<ObjectName> Inherits { get; init; } = [];

    public bool RowLevelSecurity { get; init; }

    public bool ForceRowLevelSecurity { get; init; }

    /// <summary>Storage parameters (<c>reloptions</c>), e.g. <c>fillfactor=70</c>.</summary>
    public IReadOnlyList<string> StorageOptions { get; init; } = [];

    /// <summary>Null when the table lives in the database's default tablespace.</summary>
    public string? Tablespace { get; init; }

    /// <summary>For a foreign table: the server and its options (<c>key=value</c>).</summary>
    public string? ForeignServer { get; init; }

    public IReadOnlyList<string> ForeignOptions { get; init; } = [];

    public string? Comment { get; init; }

    public required TableStatistics Statistics { get; init; }

    [JsonIgnore]
    public ObjectName QualifiedName => new(Schema, Name);
}

[JsonConverter(typeof(CamelCaseEnumConverter<TableKind>))]
public enum TableKind
{
    Ordinary,
    Partitioned,
    Foreign,
}

[JsonConverter(typeof(CamelCaseEnumConverter<TablePersistence>))]
public enum TablePersistence
{
    Permanent,
    Unlogged,
    Temporary,
}

/// <summary>The bound of a partition: <c>FOR VALUES …</c> or <c>DEFAULT</c>, as <c>pg_get_expr</c> writes it.</summary>
public sealed record PartitionInfo(ObjectName Parent, string Bound);

/// <summary>Figures that change with the data. Null row estimate: never analyzed.</summary>
public sealed record TableStatistics(long? RowEstimate, long TotalBytes, long TableBytes, long IndexBytes);
