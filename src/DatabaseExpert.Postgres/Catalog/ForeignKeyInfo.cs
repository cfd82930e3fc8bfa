using System.Text.Json.Serialization;
using DatabaseExpert.Postgres.Catalog.Internal;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A FOREIGN KEY. <see cref="Definition"/> is <c>pg_get_constraintdef</c> (actions, MATCH, DEFERRABLE, NOT VALID included).</summary>
public sealed record ForeignKeyInfo
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required ObjectName References { get; init; }

    public required IReadOnlyList<string> ReferencedColumns { get; init; }

    public ReferentialAction OnUpdate { get; init; }

    public ReferentialAction OnDelete { get; init; }

    public ForeignKeyMatch Match { get; init; }

    public bool Deferrable { get; init; }

    public bool InitiallyDeferred { get; init; }

    public bool Validated { get; init; } = true;

    /// <summary>Copied to a partition from its partitioned parent's foreign key.</summary>
    public bool Inherited { get; init; }

    public required string Definition { get; init; }

    public string? Comment { get; init; }
}

[JsonConverter(typeof(CamelCaseEnumConverter<ReferentialAction>))]
public enum ReferentialAction
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

[JsonConverter(typeof(CamelCaseEnumConverter<ForeignKeyMatch>))]
public enum ForeignKeyMatch
{
    Simple,
    Full,
    Partial,
}
