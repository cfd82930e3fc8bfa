using System.Globalization;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// A column type as written, with its canonical PostgreSQL name (<c>int4</c>, <c>int</c> and <c>integer</c> are all
/// <c>integer</c>; <c>varchar</c> is <c>character varying</c>; <c>timestamptz</c> is <c>timestamp with time zone</c>),
/// its modifiers (<c>(10,2)</c> → ["10", "2"]) and array dimensions.
/// </summary>
public sealed record SqlType(string? Schema, string Name, IReadOnlyList<string> Modifiers, int ArrayDimensions, string Text, SqlPosition Position)
{
    public bool IsArray => ArrayDimensions > 0;

    /// <summary>Character offset just after the type in its source text (the start is <see cref="Position"/>).</summary>
    public int EndOffset { get; init; }

    /// <summary>A built-in type (its canonical name is one dbx knows), not a user type or an extension's.</summary>
    public bool IsBuiltIn => Schema is null or "pg_catalog" && TypeNames.IsKnown(Name);

    /// <summary>The first modifier as a number (the length of varchar(n), the precision of numeric(p,s)), or null.</summary>
    public int? FirstModifier => Modifier(0);

    public int? Modifier(int index) =>
        index < Modifiers.Count && int.TryParse(Modifiers[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public bool Is(string canonicalName) => Schema is null or "pg_catalog" && string.Equals(Name, canonicalName, StringComparison.Ordinal);

    /// <summary>The name with modifiers and array brackets the way format_type() prints it: <c>character varying(10)[]</c>.</summary>
    public string Canonical
    {
        get
        {
            var modifiers = Modifiers.Count == 0 ? string.Empty : $"({string.Join(',', Modifiers)})";
            var name = Name switch
            {
                TypeNames.Timestamp or TypeNames.TimestampTz or TypeNames.Time or TypeNames.TimeTz when modifiers.Length > 0 =>
                    Name.Insert(Name.IndexOf(' ', StringComparison.Ordinal), modifiers),
                _ => Name + modifiers,
            };
            var qualified = Schema is null or "pg_catalog" or "public" ? name : $"{Schema}.{name}";
            return qualified + string.Concat(Enumerable.Repeat("[]", ArrayDimensions));
        }
    }

    public override string ToString() => Text;
}

/// <summary>Canonical names of the built-in types the rules talk about.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "These are PostgreSQL type names.")]
public static class TypeNames
{
    public const string Integer = "integer";
    public const string BigInt = "bigint";
    public const string SmallInt = "smallint";
    public const string Serial = "serial";
    public const string BigSerial = "bigserial";
    public const string SmallSerial = "smallserial";
    public const string Varchar = "character varying";
    public const string Char = "character";
    public const string Text = "text";
    public const string Numeric = "numeric";
    public const string Timestamp = "timestamp without time zone";
    public const string TimestampTz = "timestamp with time zone";
    public const string Time = "time without time zone";
    public const string TimeTz = "time with time zone";
    public const string Interval = "interval";
    public const string Json = "json";
    public const string Jsonb = "jsonb";
    public const string Bit = "bit";
    public const string VarBit = "bit varying";
    public const string Real = "real";
    public const string Double = "double precision";
    public const string Boolean = "boolean";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["int"] = Integer, ["int4"] = Integer, ["integer"] = Integer,
        ["int8"] = BigInt, ["bigint"] = BigInt,
        ["int2"] = SmallInt, ["smallint"] = SmallInt,
        ["serial"] = Serial, ["serial4"] = Serial,
        ["bigserial"] = BigSerial, ["serial8"] = BigSerial,
        ["smallserial"] = SmallSerial, ["serial2"] = SmallSerial,
        ["varchar"] = Varchar, ["character varying"] = Varchar,
        ["bpchar"] = Char, ["character"] = Char,
        ["text"] = Text,
        ["decimal"] = Numeric, ["numeric"] = Numeric,
        ["timestamp"] = Timestamp, ["timestamp without time zone"] = Timestamp,
        ["timestamptz"] = TimestampTz, ["timestamp with time zone"] = TimestampTz,
        ["time"] = Time, ["time without time zone"] = Time,
        ["timetz"] = TimeTz, ["time with time zone"] = TimeTz,
        ["interval"] = Interval,
        ["json"] = Json, ["jsonb"] = Jsonb,
        ["bit"] = Bit, ["varbit"] = VarBit, ["bit varying"] = VarBit,
        ["float4"] = Real, ["real"] = Real,
        ["float8"] = Double, ["double precision"] = Double,
        ["bool"] = Boolean, ["boolean"] = Boolean,
        ["uuid"] = "uuid", ["date"] = "date", ["bytea"] = "bytea", ["money"] = "money", ["inet"] = "inet", ["cidr"] = "cidr",
        ["macaddr"] = "macaddr", ["macaddr8"] = "macaddr8", ["xml"] = "xml", ["tsvector"] = "tsvector", ["tsquery"] = "tsquery",
        ["oid"] = "oid", ["regclass"] = "regclass", ["name"] = "name", ["point"] = "point", ["int4range"] = "int4range",
        ["int8range"] = "int8range", ["numrange"] = "numrange", ["tsrange"] = "tsrange", ["tstzrange"] = "tstzrange",
        ["daterange"] = "daterange",
    };

    private static readonly HashSet<string> Canonicals = [.. Aliases.Values];

    /// <summary>The canonical name of a type name (already folded), or the name itself when it is not a known alias.</summary>
    public static string Canonicalize(string name) => Aliases.GetValueOrDefault(name, name);

    public static bool IsKnown(string canonicalName) => Canonicals.Contains(canonicalName);

    /// <summary>integer, bigint, smallint and their serial forms: the types used for keys.</summary>
    public static bool IsIntegerFamily(string canonicalName) =>
        canonicalName is Integer or BigInt or SmallInt or Serial or BigSerial or SmallSerial;

    public static bool IsSerial(string canonicalName) => canonicalName is Serial or BigSerial or SmallSerial;
}
