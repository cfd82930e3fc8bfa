namespace DatabaseExpert.Postgres.Catalog;

/// <summary>An EXCLUDE constraint, e.g. <c>EXCLUDE USING gist (room WITH =, during WITH &amp;&amp;)</c>.</summary>
public sealed record ExclusionConstraintInfo
{
    public required string Name { get; init; }

    public required string Index { get; init; }

    public bool Deferrable { get; init; }

    public bool InitiallyDeferred { get; init; }

    public bool Inherited { get; init; }

    public required string Definition { get; init; }

    public string? Comment { get; init; }
}
