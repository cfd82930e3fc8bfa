using System.Text.Json;
using System.Text.Json.Serialization;

namespace DatabaseExpert.Postgres.Catalog.Internal;

/// <summary>Catalog enums appear in JSON as camelCase strings (<c>"partitioned"</c>, <c>"setNull"</c>), whatever the caller's options.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
