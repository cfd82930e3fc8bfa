namespace DatabaseExpert.Postgres.Catalog;

/// <summary>
/// A sequence, including those behind identity and serial columns (<see cref="OwnedBy"/>). <see cref="LastValue"/> is
/// null when the sequence was never used (or cannot be read by this role).
/// </summary>
public sealed record SequenceInfo
{
    public required string Schema { get; init; }

    public required string Name { get; init; }

    /// <summary>smallint, integer or bigint.</summary>
    public required string Type { get; init; }

    public long Start { get; init; }

    public long Increment { get; init; }

    public long MinValue { get; init; }

    public long MaxValue { get; init; }

    public long Cache { get; init; }

    public bool Cycle { get; init; }

    public long? LastValue { get; init; }

    /// <summary>How much of the range between the start limit and the end limit is used up, 0–100.</summary>
    public double PercentUsed { get; init; }

    /// <summary>The column it is owned by (serial) or generates (identity).</summary>
    public ColumnReference? OwnedBy { get; init; }

    /// <summary>Belongs to an identity column: created with that column, not on its own.</summary>
    public bool Identity { get; init; }

    public string? Comment { get; init; }
}

public sealed record ColumnReference(string Schema, string Table, string Column);
