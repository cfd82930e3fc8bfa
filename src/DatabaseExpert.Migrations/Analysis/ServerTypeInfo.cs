using DatabaseExpert.Migrations.Analysis.Internal;
using Npgsql;

namespace DatabaseExpert.Migrations.Analysis;

/// <summary>
/// Answers from a database's catalog, read once in one round trip (columns of user tables with format_type(), the
/// binary-coercible casts of pg_cast, the volatility of functions outside pg_catalog); what it does not know is
/// asked of <see cref="StaticTypeInfo"/>.
/// </summary>
public sealed class ServerTypeInfo : IServerTypeInfo
{
    private const string CatalogQuery = """
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%';
        SELECT format_type(castsource, NULL), format_type(casttarget, NULL)
        FROM pg_cast WHERE castmethod = 'b';
        SELECT n.nspname, p.proname, max(p.provolatile::text)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        GROUP BY 1, 2;
        SELECT current_setting('server_version_num')::int, current_setting('TimeZone'), current_database();
        """;

    private readonly Dictionary<string, SqlType> _columns;
    private readonly HashSet<(string, string)> _binaryCasts;
    private readonly Dictionary<string, Volatility> _functions;

    private ServerTypeInfo(
        Dictionary<string, SqlType> columns, HashSet<(string, string)> binaryCasts, Dictionary<string, Volatility> functions,
        int serverVersionNumber, string timeZone, string database)
    {
        _columns = columns;
        _binaryCasts = binaryCasts;
        _functions = functions;
        ServerVersionNumber = serverVersionNumber;
        TimeZone = timeZone;
        Source = $"the catalog of {database} (PostgreSQL {MajorVersion})";
    }

    public string Source { get; }

    /// <summary>server_version_num, e.g. 150018.</summary>
    public int ServerVersionNumber { get; }

    public int MajorVersion => ServerVersionNumber / 10000;

    /// <summary>The server's TimeZone setting (timestamp ↔ timestamptz changes skip the rewrite when it is UTC).</summary>
    public string TimeZone { get; }

    public static async Task<ServerTypeInfo> LoadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(CatalogQuery);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new Dictionary<string, SqlType>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (TypeParser.Parse(reader.GetString(3)) is { } type)
            {
                columns[ColumnKey(new ObjectName(reader.GetString(0), reader.GetString(1)), reader.GetString(2))] = type;
            }
        }

        await reader.NextResultAsync(cancellationToken);
        var casts = new HashSet<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (TypeParser.Parse(reader.GetString(0)) is { } source && TypeParser.Parse(reader.GetString(1)) is { } target)
            {
                casts.Add((source.Name, target.Name));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        var functions = new Dictionary<string, Volatility>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            // max() over 'i' < 's' < 'v' gives the most volatile overload.
            functions[$"{reader.GetString(0)}.{reader.GetString(1)}"] = reader.GetString(2) switch
            {
                "i" => Volatility.Immutable,
                "s" => Volatility.Stable,
                _ => Volatility.Volatile,
            };
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ServerTypeInfo(columns, casts, functions, reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
    }

    public SqlType? ColumnType(ObjectName table, string column) => _columns.GetValueOrDefault(ColumnKey(table, column));

    public bool? IsBinaryCoercible(string sourceType, string targetType) =>
        string.Equals(sourceType, targetType, StringComparison.Ordinal) || _binaryCasts.Contains((sourceType, targetType))
            ? true
            : StaticTypeInfo.Instance.IsBinaryCoercible(sourceType, targetType) ?? false;

    public Volatility? FunctionVolatility(string? schema, string name)
    {
        if (schema is null)
        {
            // Unqualified: pg_catalog is searched first, then public (the search_path of a migration).
            return StaticTypeInfo.Instance.FunctionVolatility(null, name)
                ?? (_functions.TryGetValue($"public.{name}", out var found) ? found : null);
        }

        return _functions.TryGetValue($"{schema}.{name}", out var volatility) ? volatility : StaticTypeInfo.Instance.FunctionVolatility(schema, name);
    }

    private static string ColumnKey(ObjectName table, string column) => $"{table.Key}.{column}";
}
