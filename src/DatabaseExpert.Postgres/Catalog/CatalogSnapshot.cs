using DatabaseExpert.Postgres.Catalog.Internal;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>
/// The schema of a database as read by <see cref="CatalogReader"/>, in one snapshot. Objects that belong to an
/// extension are left out (the extension stands for them). Statistics (sizes, row estimates, index scans) are kept
/// apart in <c>statistics</c> records so that a schema comparison can ignore them.
/// </summary>
public sealed record CatalogSnapshot
{
    /// <summary><c>server_version</c>, e.g. <c>15.18</c>.</summary>
    public required string ServerVersion { get; init; }

    public required string Database { get; init; }

    public required IReadOnlyList<TableInfo> Tables { get; init; }

    public required IReadOnlyList<ViewInfo> Views { get; init; }

    public required IReadOnlyList<EnumInfo> Enums { get; init; }

    public required IReadOnlyList<SequenceInfo> Sequences { get; init; }

    public IReadOnlyList<SchemaInfo> Schemas { get; init; } = [];

    public IReadOnlyList<ExtensionInfo> Extensions { get; init; } = [];

    public IReadOnlyList<DomainInfo> Domains { get; init; } = [];

    public IReadOnlyList<CompositeTypeInfo> CompositeTypes { get; init; } = [];

    public IReadOnlyList<FunctionInfo> Functions { get; init; } = [];

    /// <summary>How many catalog queries the read took (all of them sent in one round trip), whatever the table count.</summary>
    public int Queries { get; init; }

    /// <summary>A readable per-table listing, compact enough for a model to read.</summary>
    public string ToModelText() => CatalogText.Write(this);

    /// <summary>A replayable SQL script that recreates this schema in an empty database (<see cref="DdlWriter"/>).</summary>
    public string ToDdl() => DdlWriter.Write(this);
}
