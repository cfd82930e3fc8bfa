namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A CHECK constraint. Not <see cref="Validated"/>: added NOT VALID, existing rows never checked.</summary>
public sealed record CheckConstraintInfo
{
    public required string Name { get; init; }

    public required string Expression { get; init; }

    public bool Validated { get; init; } = true;

    public bool NoInherit { get; init; }

    /// <summary>Inherited from a parent table (partition or INHERITS child).</summary>
    public bool Inherited { get; init; }

    public required string Definition { get; init; }

    public string? Comment { get; init; }
}
