namespace DatabaseExpert.Postgres.Catalog;

public sealed record SchemaInfo(string Name, string? Comment);
