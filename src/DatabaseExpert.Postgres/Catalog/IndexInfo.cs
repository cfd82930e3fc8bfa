namespace DatabaseExpert.Postgres.Catalog;

/// <summary>
/// An index. <see cref="Definition"/> is <c>pg_get_indexdef</c>: replayed as is, so operator classes, DESC, NULLS,
/// INCLUDE and partial predicates survive. An index of a partitioned table reads <c>ON ONLY</c>; its partitions'
/// indexes name it as <see cref="ParentIndex"/>.
/// </summary>
public sealed record IndexInfo
{
    public required string Name { get; init; }

    /// <summary>Access method: btree, hash, gin, gist, spgist, brin, …</summary>
    public required string Method { get; init; }

    /// <summary>Key columns first, then the INCLUDE columns (<see cref="IndexColumn.Included"/>).</summary>
    public required IReadOnlyList<IndexColumn> Columns { get; init; }

    public bool Unique { get; init; }

    public bool Primary { get; init; }

    public bool NullsNotDistinct { get; init; }

    /// <summary>The WHERE clause of a partial index.</summary>
    public string? Predicate { get; init; }

    /// <summary>The PRIMARY KEY, UNIQUE or EXCLUDE constraint this index enforces.</summary>
    public string? Constraint { get; init; }

    /// <summary>False after a failed <c>CREATE INDEX CONCURRENTLY</c>: the planner ignores it.</summary>
    public bool Valid { get; init; } = true;

    public bool Ready { get; init; } = true;

    public ObjectName? ParentIndex { get; init; }

    public string? Tablespace { get; init; }

    public required string Definition { get; init; }

    public string? Comment { get; init; }

    public required IndexStatistics Statistics { get; init; }
}

/// <summary>
/// One column of an index: a table column (<see cref="Column"/>) or an expression (<see cref="Expression"/>).
/// <see cref="Opclass"/> and <see cref="Collation"/> are set only when they are not the defaults (the collation of an
/// expression is not reported; <see cref="IndexInfo.Definition"/> has it).
/// </summary>
public sealed record IndexColumn
{
    public string? Column { get; init; }

    public string? Expression { get; init; }

    public string? Opclass { get; init; }

    public string? Collation { get; init; }

    public bool Descending { get; init; }

    /// <summary>The actual null ordering (btree default: last for ASC, first for DESC).</summary>
    public bool NullsFirst { get; init; }

    public bool Included { get; init; }
}

/// <summary>Figures that change with use. <see cref="LastScan"/> needs PostgreSQL 16.</summary>
public sealed record IndexStatistics(long SizeBytes, long Scans, DateTimeOffset? LastScan);
