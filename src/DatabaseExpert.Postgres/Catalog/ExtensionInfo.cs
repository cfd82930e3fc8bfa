namespace DatabaseExpert.Postgres.Catalog;

/// <summary>An installed extension. Its own objects (functions, types, tables) are left out of every other list.</summary>
public sealed record ExtensionInfo(string Name, string Version, string Schema);
