namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A domain: a base type with a default, NOT NULL and CHECK constraints.</summary>
public sealed record DomainInfo
{
    public required string Schema { get; init; }

    public required string Name { get; init; }

    public required string BaseType { get; init; }

    public bool Nullable { get; init; } = true;

    public string? Default { get; init; }

    public string? Collation { get; init; }

    public IReadOnlyList<DomainCheck> Checks { get; init; } = [];

    public string? Comment { get; init; }
}

/// <summary>A domain CHECK; <see cref="Definition"/> is <c>pg_get_constraintdef</c> (with NOT VALID when not validated).</summary>
public sealed record DomainCheck(string Name, string Definition);
