using System.Text.Encodings.Web;
using System.Text.Json;
using DatabaseExpert.Postgres.Safety;

namespace DatabaseExpert.Postgres.Tests.Safety;

/// <summary>Every value leaves the server as text and becomes the JSON a script or a model can use directly.</summary>
public sealed class ValueConversionTests(SafetyDatabase database) : IClassFixture<SafetyDatabase>
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("NULL::int", "integer", "null")]
    [InlineData("7::int2", "smallint", "7")]
    [InlineData("(-2147483648)::int4", "integer", "-2147483648")]
    [InlineData("9007199254740993::int8", "bigint", "9007199254740993")]
    [InlineData("1.50::numeric(10,2)", "numeric(10, 2)", "1.50")]
    [InlineData("12345678901234567890123456789.123456::numeric", "numeric", "12345678901234567890123456789.123456")]
    [InlineData("'NaN'::numeric", "numeric", "\"NaN\"")]
    [InlineData("0.1::float8", "double precision", "0.1")]
    [InlineData("1e300::float8", "double precision", "1E+300")]
    [InlineData("'-Infinity'::float4", "real", "\"-Infinity\"")]
    [InlineData("true", "boolean", "true")]
    [InlineData("'{\"a\": [1, 2.5, null], \"b\": {\"c\": \"d\"}}'::jsonb", "jsonb", "{\"a\":[1,2.5,null],\"b\":{\"c\":\"d\"}}")]
    [InlineData("'[1, \"x\"]'::json", "json", "[1,\"x\"]")]
    [InlineData("'\\x0102ff'::bytea", "bytea", "{\"bytes\":3,\"hex\":\"0102ff\"}")]
    [InlineData("''::bytea", "bytea", "{\"bytes\":0,\"hex\":\"\"}")]
    [InlineData("'2024-01-02 03:04:05.678+01'::timestamptz", "timestamp with time zone", "\"2024-01-02T02:04:05.678+00:00\"")]
    [InlineData("'2024-01-02 03:04:05'::timestamp", "timestamp without time zone", "\"2024-01-02T03:04:05\"")]
    [InlineData("'infinity'::timestamptz", "timestamp with time zone", "\"infinity\"")]
    [InlineData("'0044-03-15 12:00 BC'::timestamp", "timestamp without time zone", "\"0044-03-15 12:00:00 BC\"")]
    [InlineData("'2024-01-02'::date", "date", "\"2024-01-02\"")]
    [InlineData("'03:04:05'::time", "time without time zone", "\"03:04:05\"")]
    [InlineData("'03:04:05+01'::timetz", "time with time zone", "\"03:04:05+01:00\"")]
    [InlineData("'03:04:05+05:30'::timetz", "time with time zone", "\"03:04:05+05:30\"")]
    [InlineData("'1 day 2 hours'::interval", "interval", "\"1 day 02:00:00\"")]
    [InlineData("ARRAY[1, NULL, 3]", "integer[]", "[1,null,3]")]
    [InlineData("ARRAY['a b', 'c,d', NULL, 'NULL', 'q\"uote', 'back\\slash', '']", "text[]", "[\"a b\",\"c,d\",null,\"NULL\",\"q\\\"uote\",\"back\\\\slash\",\"\"]")]
    [InlineData("ARRAY[[1, 2], [3, 4]]", "integer[]", "[[1,2],[3,4]]")]
    [InlineData("'[0:1]={7,8}'::int[]", "integer[]", "[7,8]")]
    [InlineData("'{}'::text[]", "text[]", "[]")]
    [InlineData("ARRAY['2024-01-02 03:04:05+00'::timestamptz]", "timestamp with time zone[]", "[\"2024-01-02T03:04:05+00:00\"]")]
    [InlineData("ARRAY['{\"k\": 1}'::jsonb]", "jsonb[]", "[{\"k\":1}]")]
    [InlineData("ARRAY['\\x01'::bytea]", "bytea[]", "[{\"bytes\":1,\"hex\":\"01\"}]")]
    [InlineData("ARRAY[true, false]", "boolean[]", "[true,false]")]
    [InlineData("'{(1,1),(0,0);(2,2),(1,1)}'::box[]", "box[]", "[\"(1,1),(0,0)\",\"(2,2),(1,1)\"]")]
    [InlineData("'pending'::order_status", "public.order_status", "\"pending\"")]
    [InlineData("ARRAY['paid', 'shipped']::order_status[]", "public.order_status[]", "[\"paid\",\"shipped\"]")]
    // The server describes a domain column by its base type.
    [InlineData("5::positive_int", "integer", "5")]
    [InlineData("'a1b2c3d4-0000-4000-8000-000000000001'::uuid", "uuid", "\"a1b2c3d4-0000-4000-8000-000000000001\"")]
    [InlineData("'x'::char(3)", "character(3)", "\"x  \"")]
    [InlineData("'192.168.0.1/24'::inet", "inet", "\"192.168.0.1/24\"")]
    [InlineData("'(1,2)'::point", "point", "\"(1,2)\"")]
    [InlineData("ROW(1, 'a')", "record", "\"(1,a)\"")]
    [InlineData("int4range(1, 5)", "int4range", "\"[1,5)\"")]
    [InlineData("'<a>1</a>'::xml", "xml", "\"<a>1</a>\"")]
    [InlineData("'fat & rat'::tsquery", "tsquery", "\"'fat' & 'rat'\"")]
    public async Task Converts(string expression, string type, string json)
    {
        var result = await new SafeExecutor(database.ReadOnlyHandle).ExecuteAsync(new QueryRequest($"SELECT {expression} AS v"));

        Assert.Equal(type, result.Columns.Single().Type);
        Assert.Equal(json, result.Rows.Single()[0]?.ToJsonString(Readable) ?? "null");
    }

    [Fact]
    public async Task Large_bytea_keeps_its_size_and_a_prefix()
    {
        var result = await new SafeExecutor(database.ReadOnlyHandle).ExecuteAsync(new QueryRequest("SELECT decode(repeat('ab', 5000), 'hex') AS v"));

        var value = result.Rows.Single()[0]!;
        Assert.Equal(5000, value["bytes"]!.GetValue<int>());
        Assert.Equal(2048, value["hex"]!.GetValue<string>().Length);
        Assert.True(value["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Server_date_style_does_not_change_the_output()
    {
        await using var handle = await DatabaseExpert.Postgres.Connections.DatabaseHandle.OpenAsync(
            new DatabaseExpert.Postgres.Connections.DatabaseTarget("dmy", database.Database.ConnectionString + ";Options=-c DateStyle=SQL -c TimeZone=Asia/Kolkata", ReadOnly: true));

        var result = await new SafeExecutor(handle).ExecuteAsync(new QueryRequest("SELECT '2024-01-02 03:04:05+00'::timestamptz, '2024-02-01'::date"));

        Assert.Equal(["2024-01-02T08:34:05+05:30", "2024-02-01"], result.Rows.Single().Select(v => v!.GetValue<string>()));
    }
}
