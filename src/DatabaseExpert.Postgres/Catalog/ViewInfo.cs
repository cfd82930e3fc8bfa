namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A view or materialized view. <see cref="Definition"/> is <c>pg_get_viewdef</c> (the SELECT).</summary>
public sealed record ViewInfo
{
    public required string Schema { get; init; }

    public required string Name { get; init; }

    public bool Materialized { get; init; }

    public required string Definition { get; init; }

    public required IReadOnlyList<ColumnInfo> Columns { get; init; }

    /// <summary>The tables and views it reads (from <c>pg_depend</c>); DDL creates views in this order.</summary>
    public IReadOnlyList<ObjectName> DependsOn { get; init; } = [];

    /// <summary><c>reloptions</c>, e.g. <c>security_barrier=true</c>, <c>check_option=cascaded</c>.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Materialized views only: false until the first REFRESH (created WITH NO DATA).</summary>
    public bool? Populated { get; init; }

    public IReadOnlyList<IndexInfo> Indexes { get; init; } = [];

    public IReadOnlyList<TriggerInfo> Triggers { get; init; } = [];

    public string? Tablespace { get; init; }

    public string? Comment { get; init; }
}
