using System.Text.Json.Serialization;
using DatabaseExpert.Postgres.Catalog.Internal;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>
/// A column of a table or view. <see cref="Type"/>, <see cref="Default"/>, <see cref="Generated"/> and
/// <see cref="Collation"/> are SQL text as PostgreSQL writes it (types outside pg_catalog are schema-qualified).
/// </summary>
public sealed record ColumnInfo
{
    public required string Name { get; init; }

    /// <summary>1-based, in table order, dropped columns not counted.</summary>
    public required int Position { get; init; }

    /// <summary><c>format_type</c> with the type modifier: <c>character varying(40)</c>, <c>text[]</c>, <c>"Lab".mood</c>.</summary>
    public required string Type { get; init; }

    /// <summary>What the type (for arrays: the element type) is.</summary>
    public required TypeKind TypeKind { get; init; }

    public bool IsArray { get; init; }

    /// <summary>The element type of an array column.</summary>
    public string? ElementType { get; init; }

    /// <summary>The type a domain column (or an array of a domain) is based on.</summary>
    public string? BaseType { get; init; }

    public required bool Nullable { get; init; }

    public string? Default { get; init; }

    public IdentityInfo? Identity { get; init; }

    /// <summary>The expression of a <c>GENERATED ALWAYS AS (…) STORED</c> column.</summary>
    public string? Generated { get; init; }

    /// <summary>Set only when it differs from the type's default collation.</summary>
    public string? Collation { get; init; }

    public string? Comment { get; init; }
}

[JsonConverter(typeof(CamelCaseEnumConverter<TypeKind>))]
public enum TypeKind
{
    Base,
    Enum,
    Domain,
    Composite,
    Range,
    Multirange,
    Pseudo,
}

[JsonConverter(typeof(CamelCaseEnumConverter<IdentityGeneration>))]
public enum IdentityGeneration
{
    Always,
    ByDefault,
}

/// <summary>An identity column's generation and the options of the sequence behind it.</summary>
public sealed record IdentityInfo(
    IdentityGeneration Generation, ObjectName Sequence, long Start, long Increment, long MinValue, long MaxValue, long Cache, bool Cycle);
