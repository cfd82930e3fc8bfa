using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>
/// Reads, inside the EXPLAIN's own transaction (so SET LOCAL values count), the settings the insights quote and the
/// catalog facts about the tables in the plan: row estimate, pages, columns and index keys.
/// </summary>
internal static class PlanEnvironmentReader
{
    private const string SettingsSql = "select name, setting from pg_settings where name = any(@names)";

    private const string RelationsSql = """
        select n.nspname::text, c.relname::text, greatest(c.reltuples, 0)::float8, c.relpages::int8,
               array(select a.attname::text from pg_attribute a
                     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum),
               coalesce((select json_agg(json_build_object(
                                'name', ic.relname::text,
                                'columns', (select array_agg(coalesce(a.attname::text, '(expression)') order by k.ord)
                                            from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                                            left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                                            where k.ord <= i.indnkeyatts)) order by ic.relname)
                         from pg_index i join pg_class ic on ic.oid = i.indexrelid
                         where i.indrelid = c.oid and i.indisvalid), '[]'::json)::text
        from unnest(@schemas, @names) as r(schema_name, rel_name)
        join pg_class c on c.oid = to_regclass(case when r.schema_name = '' then quote_ident(r.rel_name)
                                                    else quote_ident(r.schema_name) || '.' || quote_ident(r.rel_name) end)
        join pg_namespace n on n.oid = c.relnamespace
        """;

    private static readonly string[] SettingNames =
    [
        "work_mem", "hash_mem_multiplier", "max_parallel_workers", "max_worker_processes",
        "jit_above_cost", "jit_optimize_above_cost", "jit_inline_above_cost",
    ];

    public static async Task<PlanEnvironment> ReadAsync(NpgsqlConnection connection, PlanNode root, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(SettingsSql, connection))
        {
            command.Parameters.AddWithValue("names", SettingNames);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                settings[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var defaults = PlanEnvironment.Defaults;
        return new PlanEnvironment
        {
            WorkMemKb = (long)Number(settings, "work_mem", defaults.WorkMemKb),
            HashMemMultiplier = Number(settings, "hash_mem_multiplier", 1.0),
            MaxParallelWorkers = (int)Number(settings, "max_parallel_workers", defaults.MaxParallelWorkers),
            MaxWorkerProcesses = (int)Number(settings, "max_worker_processes", defaults.MaxWorkerProcesses),
            JitAboveCost = Number(settings, "jit_above_cost", defaults.JitAboveCost),
            JitOptimizeAboveCost = Number(settings, "jit_optimize_above_cost", defaults.JitOptimizeAboveCost),
            JitInlineAboveCost = Number(settings, "jit_inline_above_cost", defaults.JitInlineAboveCost),
            Relations = await ReadRelationsAsync(connection, root, cancellationToken),
        };
    }

    private static async Task<List<RelationInfo>> ReadRelationsAsync(NpgsqlConnection connection, PlanNode root, CancellationToken cancellationToken)
    {
        var wanted = root.DescendantsAndSelf()
            .Where(n => n.RelationName is not null)
            .Select(n => (Schema: n.Schema ?? string.Empty, Name: n.RelationName!))
            .Distinct()
            .ToList();
        var relations = new List<RelationInfo>();
        if (wanted.Count == 0)
        {
            return relations;
        }

        await using var command = new NpgsqlCommand(RelationsSql, connection);
        command.Parameters.AddWithValue("schemas", wanted.Select(w => w.Schema).ToArray());
        command.Parameters.AddWithValue("names", wanted.Select(w => w.Name).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var indexes = JsonSerializer.Deserialize<List<IndexRow>>(reader.GetString(5), JsonOptions) ?? [];
            relations.Add(new RelationInfo(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetDouble(2),
                reader.GetInt64(3),
                reader.GetFieldValue<string[]>(4),
                indexes.Select(i => new IndexInfo(i.Name, i.Columns ?? [])).ToList()));
        }

        return relations;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static double Number(Dictionary<string, string> settings, string name, double fallback) =>
        settings.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    private sealed record IndexRow(string Name, string[]? Columns);
}
