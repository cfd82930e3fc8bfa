using DatabaseExpert.Postgres.Advisor.Internal.Plans;
using Npgsql;

namespace DatabaseExpert.Postgres.Advisor.Internal.Statistics;

/// <summary>What the advisor reads from the catalog about the workload's tables: one set-based query per kind.</summary>
internal static class CatalogReader
{
    private const string RelationsJoin = """
        from unnest(@schemas::text[], @names::text[]) as r(nsp, rel)
        join pg_namespace n on n.nspname = r.nsp
        join pg_class c on c.relnamespace = n.oid and c.relname = r.rel
        """;

    public static async Task<IReadOnlyDictionary<RelationRef, TableStatistics>> ReadStatisticsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<RelationRef> relations, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            select n.nspname, c.relname, c.reltuples::float8, a.attname, format_type(a.atttypid, a.atttypmod),
                   s.n_distinct::float8, coalesce(s.null_frac, 0)::float8, s.most_common_vals::text, s.most_common_freqs::float8[], s.avg_width
            {RelationsJoin}
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'm')
            left join pg_stats s on s.schemaname = n.nspname and s.tablename = c.relname and s.attname = a.attname and not s.inherited
            order by n.nspname, c.relname, a.attnum
            """;
        var rows = new Dictionary<RelationRef, (double Rows, Dictionary<string, ColumnStatistics> Columns)>();
        await using var command = Command(connection, Sql, relations);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var relation = new RelationRef(reader.GetString(0), reader.GetString(1));
            if (!rows.TryGetValue(relation, out var table))
            {
                // reltuples is -1 for a table never vacuumed or analysed (PostgreSQL 14+).
                table = (Math.Max(reader.GetDouble(2), 0), new Dictionary<string, ColumnStatistics>(StringComparer.Ordinal));
                rows[relation] = table;
            }

            var name = reader.GetString(3);
            table.Columns[name] = new ColumnStatistics(
                name,
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetDouble(6),
                reader.IsDBNull(7) ? [] : PgArrayText.Parse(reader.GetString(7)),
                reader.IsDBNull(8) ? [] : reader.GetFieldValue<double[]>(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9));
        }

        return rows.ToDictionary(r => r.Key, r => new TableStatistics(r.Key, r.Value.Rows, r.Value.Columns));
    }

    public static async Task<IReadOnlyList<ExistingIndex>> ReadIndexesAsync(
        NpgsqlConnection connection, IReadOnlyCollection<RelationRef> relations, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            select n.nspname, c.relname, i.relname, am.amname, x.indisvalid and x.indisready, x.indnkeyatts,
                   array(select coalesce(a.attname, '') from unnest(x.indkey::int2[]) with ordinality k(attnum, ord)
                         left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum order by k.ord),
                   x.indoption::int2[], pg_get_expr(x.indpred, x.indrelid)
            {RelationsJoin}
            join pg_index x on x.indrelid = c.oid
            join pg_class i on i.oid = x.indexrelid
            join pg_am am on am.oid = i.relam
            order by n.nspname, c.relname, i.relname
            """;
        var indexes = new List<ExistingIndex>();
        await using var command = Command(connection, Sql, relations);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var keyCount = reader.GetInt16(5);
            var columns = reader.GetFieldValue<string[]>(6);
            var options = reader.GetFieldValue<short[]>(7);

            // indoption bits: 1 = DESC, 2 = NULLS FIRST (see pg_index in the PostgreSQL catalogs).
            var keys = columns.Take(keyCount)
                .Select((column, i) => (column, (options[i] & 1) != 0, (options[i] & 2) != 0))
                .ToList();
            indexes.Add(new ExistingIndex(
                new RelationRef(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                keys,
                columns.Skip(keyCount).ToList(),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetBoolean(4)));
        }

        return indexes;
    }

    /// <summary>Every relation name in the given schemas: a new index must not take one of them.</summary>
    public static async Task<IReadOnlySet<string>> ReadTakenNamesAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> schemas, CancellationToken cancellationToken)
    {
        const string Sql = "select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = any(@schemas)";
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("schemas", schemas.ToArray());
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IReadOnlyCollection<RelationRef> relations)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schemas", relations.Select(r => r.Schema).ToArray());
        command.Parameters.AddWithValue("names", relations.Select(r => r.Name).ToArray());
        return command;
    }
}
