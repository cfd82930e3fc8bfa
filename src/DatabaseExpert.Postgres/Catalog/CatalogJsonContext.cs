using System.Text.Json;
using System.Text.Json.Serialization;

namespace DatabaseExpert.Postgres.Catalog;

/// <summary>
/// Compile-time JSON metadata for <see cref="CatalogSnapshot"/>: the snapshot has some thirty record types, and
/// building their metadata by reflection cost a quarter of a second on each cold start. Use it as the
/// <c>TypeInfoResolver</c> of any options (names follow the options' naming policy).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CatalogSnapshot))]
public sealed partial class CatalogJsonContext : JsonSerializerContext;
