using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql.PostgresTypes;

namespace DatabaseExpert.Postgres.Safety.Internal;

/// <summary>
/// Turns values as the server writes them in text form into JSON: numbers as numbers (exact for numeric), booleans,
/// json/jsonb as JSON, arrays as arrays, bytea as its size and hex, timestamps as ISO 8601, anything else as text.
/// Text format works for every type, extensions' types included, so no value can fail to convert.
/// </summary>
internal static class ResultValues
{
    /// <summary>bytea values longer than this keep only their first bytes in hex (the size is always exact).</summary>
    public const int MaxByteaBytes = 1024;

    // decimal holds 28 significant digits: longer numeric text keeps its exact digits through a raw JSON number.
    private const int DecimalSafeLength = 28;

    public static JsonNode? Convert(string text, PostgresType type)
    {
        while (type is PostgresDomainType domain)
        {
            type = domain.BaseType;
        }

        if (type is PostgresArrayType array)
        {
            var element = array.Element;
            var delimiter = element.InternalName == "box" ? ';' : ',';
            return PgArrayText.Parse(text, delimiter, value => Convert(value, element)) ?? (JsonNode)JsonValue.Create(text);
        }

        if (type.Namespace != "pg_catalog")
        {
            return JsonValue.Create(text);
        }

        return type.InternalName switch
        {
            "int2" or "int4" or "int8" or "oid" =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? JsonValue.Create(integer) : JsonValue.Create(text),
            "float4" or "float8" =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) ? JsonValue.Create(real) : JsonValue.Create(text),
            "numeric" => Numeric(text),
            "bool" => JsonValue.Create(text == "t"),
            "json" or "jsonb" => Json(text),
            "bytea" => Bytea(text),
            "timestamptz" or "timestamp" => JsonValue.Create(Timestamp(text)),
            "timetz" => JsonValue.Create(WithOffsetMinutes(text, 0)),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonNode Numeric(string text)
    {
        if (text is "NaN" or "Infinity" or "-Infinity")
        {
            return JsonValue.Create(text);
        }

        if (text.Length <= DecimalSafeLength && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return JsonValue.Create(value);
        }

        return Json(text) ?? JsonValue.Create(text);
    }

    private static JsonNode? Json(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>The hex form (<c>\x0102ff</c>, what bytea_output=hex gives) as <c>{"bytes":3,"hex":"0102ff"}</c>.</summary>
    private static JsonNode Bytea(string text)
    {
        if (!text.StartsWith("\\x", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        var bytes = (text.Length - 2) / 2;
        var shown = Math.Min(bytes, MaxByteaBytes);
        var result = new JsonObject { ["bytes"] = bytes, ["hex"] = text.Substring(2, shown * 2) };
        if (shown < bytes)
        {
            result["truncated"] = true;
        }

        return result;
    }

    /// <summary>
    /// <c>2024-01-02 03:04:05.678+01</c> → <c>2024-01-02T03:04:05.678+01:00</c>. BC dates, infinity and years past
    /// 9999 have no ISO 8601 form that tools agree on: they stay as the server wrote them.
    /// </summary>
    private static string Timestamp(string text)
    {
        if (text.Length < 19 || text[4] != '-' || text[10] != ' ' || text.EndsWith(" BC", StringComparison.Ordinal))
        {
            return text;
        }

        return WithOffsetMinutes(string.Concat(text.AsSpan(0, 10), "T", text.AsSpan(11)), 11);
    }

    /// <summary>PostgreSQL writes whole-hour offsets as <c>+01</c>; ISO 8601 consumers expect <c>+01:00</c>.</summary>
    private static string WithOffsetMinutes(string text, int timeStart)
    {
        var sign = text.AsSpan(timeStart).IndexOfAny('+', '-');
        return sign >= 0 && text.Length - (timeStart + sign + 1) == 2 ? text + ":00" : text;
    }
}
