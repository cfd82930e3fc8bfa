namespace DatabaseExpert.Postgres.Catalog;

/// <summary>A stand-alone composite type (<c>CREATE TYPE … AS (…)</c>).</summary>
public sealed record CompositeTypeInfo(string Schema, string Name, IReadOnlyList<CompositeField> Attributes, string? Comment);

public sealed record CompositeField(string Name, string Type);
