namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A PRIMARY KEY or UNIQUE constraint. <see cref="Definition"/> is <c>pg_get_constraintdef</c>.</summary>
public sealed record KeyConstraintInfo
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The index that enforces it (same name unless renamed).</summary>
    public required string Index { get; init; }

    public bool NullsNotDistinct { get; init; }

    public bool Deferrable { get; init; }

    public bool InitiallyDeferred { get; init; }

    /// <summary>Copied from a parent (partitions): recreated by the parent's definition.</summary>
    public bool Inherited { get; init; }

    public required string Definition { get; init; }

    public string? Comment { get; init; }
}
