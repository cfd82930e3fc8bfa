using System.Collections.Frozen;
using System.Reflection;

namespace DatabaseExpert.Migrations.Analysis.Internal;

/// <summary>
/// The volatility of PostgreSQL's built-in functions without a server: the non-volatile names come from the
/// catalog of PostgreSQL 15 (NonVolatileFunctions.txt says how), the volatile ones worth naming are listed here.
/// </summary>
internal static class BuiltinVolatility
{
    // Volatile built-ins and the extension functions migrations use most (uuid-ossp, pgcrypto).
    private static readonly FrozenSet<string> Volatile = FrozenSet.Create(
        StringComparer.Ordinal,
        "random", "random_normal", "setseed", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc",
        "uuid_generate_v4", "gen_random_bytes", "gen_salt", "clock_timestamp", "timeofday", "nextval", "currval", "lastval",
        "setval", "set_config", "txid_status", "current_query", "query_to_xml", "cursor_to_xml", "lo_import", "lo_create",
        "lo_creat", "lo_from_bytea", "dblink", "dblink_exec");

    private static readonly Lazy<FrozenSet<string>> NonVolatile = new(Load);

    /// <summary>Volatility of a call to a built-in by name; <see cref="Volatility.Unknown"/> when the name is not built in.</summary>
    public static Volatility Of(string name)
    {
        if (Volatile.Contains(name))
        {
            return Volatility.Volatile;
        }

        return NonVolatile.Value.Contains(name) ? Volatility.Stable : Volatility.Unknown;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DatabaseExpert.Migrations.NonVolatileFunctions.txt")
            ?? throw new InvalidOperationException("the NonVolatileFunctions.txt resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        var names = new List<string>(2200);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                names.Add(line);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }
}
