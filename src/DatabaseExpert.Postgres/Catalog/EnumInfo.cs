namespace DatabaseExpert.Postgres.Catalog;

/// <summary>An enum type with its labels in sort order.</summary>
public sealed record EnumInfo(string Schema, string Name, IReadOnlyList<string> Values, string? Comment);
