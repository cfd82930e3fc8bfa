using DatabaseExpert.Migrations.Analysis.Internal;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// Built-in knowledge, without a server: the binary-coercible casts between the common built-in types (from the
/// pg_cast catalog of PostgreSQL 15) and the volatility of built-in functions. Knows no columns.
/// </summary>
public sealed class StaticTypeInfo : IServerTypeInfo
{
    public static StaticTypeInfo Instance { get; } = new();

    // pg_cast rows with castmethod 'b' between types a migration changes columns between.
    private static readonly HashSet<(string, string)> BinaryCoercible =
    [
        (TypeNames.Varchar, TypeNames.Text), (TypeNames.Text, TypeNames.Varchar), (TypeNames.Varchar, TypeNames.Char),
        (TypeNames.Text, TypeNames.Char), (TypeNames.Bit, TypeNames.VarBit), (TypeNames.VarBit, TypeNames.Bit),
        ("xml", TypeNames.Text), ("xml", TypeNames.Varchar), ("xml", TypeNames.Char), ("cidr", "inet"),
    ];

    private StaticTypeInfo()
    {
    }

    public string Source => "built-in knowledge of PostgreSQL";

    public SqlType? ColumnType(ObjectName table, string column) => null;

    public bool? IsBinaryCoercible(string sourceType, string targetType) =>
        string.Equals(sourceType, targetType, StringComparison.Ordinal) || BinaryCoercible.Contains((sourceType, targetType))
            ? true
            : TypeNames.IsKnown(sourceType) && TypeNames.IsKnown(targetType) ? false : null;

    public Volatility? FunctionVolatility(string? schema, string name)
    {
        if (schema is not null and not "pg_catalog")
        {
            return null;
        }

        var volatility = BuiltinVolatility.Of(name);
        return volatility == Volatility.Unknown ? null : volatility;
    }
}
