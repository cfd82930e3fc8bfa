using System.Text.RegularExpressions;
using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Indexes with <c>indisvalid = false</c>: the leftovers of a failed <c>CREATE INDEX CONCURRENTLY</c> (or REINDEX
/// CONCURRENTLY). The planner ignores them but every write still maintains them.
/// </summary>
internal sealed partial class InvalidIndexesCheck : IHealthCheck
{
    public const string Id = "invalid-indexes";

    private static readonly string Sql = $"""
        select n.nspname || '.' || c.relname as object,
               format('%I.%I', n.nspname, c.relname) as qualified,
               n.nspname || '.' || t.relname as table_name,
               format('%I.%I', n.nspname, t.relname) as qualified_table,
               pg_get_indexdef(i.indexrelid) as definition,
               i.indisunique as is_unique,
               i.indisready as is_ready,
               pg_relation_size(i.indexrelid) as bytes,
               (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
                from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where k.ord <= i.indnkeyatts
                having count(*) = i.indnkeyatts) as key_columns,
               p.phase as build_phase
        {CatalogSql.IndexJoins}
        left join pg_stat_progress_create_index p on p.index_relid = i.indexrelid
        where not i.indisvalid and {CatalogSql.UserRelation("t", "n")}
        order by 1
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Invalid indexes",
        "Indexes left invalid by a failed CREATE INDEX CONCURRENTLY: never used for reads, still maintained on every write.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var rows = await context.QueryAsync(Sql, r => new
        {
            Object = r.Get<string>("object"),
            Qualified = r.Get<string>("qualified"),
            Table = r.Get<string>("table_name"),
            QualifiedTable = r.Get<string>("qualified_table"),
            Definition = r.Get<string>("definition"),
            IsUnique = r.Get<bool>("is_unique"),
            IsReady = r.Get<bool>("is_ready"),
            Bytes = r.Get<long>("bytes"),
            KeyColumns = r.Text("key_columns"),
            BuildPhase = r.Text("build_phase"),
        }, cancellationToken);

        var findings = new List<HealthFinding>();
        foreach (var row in rows)
        {
            var details = new Dictionary<string, object?>
            {
                ["table"] = row.Table,
                ["definition"] = row.Definition,
                ["unique"] = row.IsUnique,
                ["bytes"] = row.Bytes,
                ["maintainedOnWrite"] = row.IsReady,
            };
            if (row.BuildPhase is not null)
            {
                details["buildPhase"] = row.BuildPhase;
                findings.Add(new HealthFinding(row.Object, FindingSeverity.Info,
                    $"is being built right now ({row.BuildPhase}); it becomes valid when the build finishes.", null, details));
                continue;
            }

            findings.Add(new HealthFinding(row.Object, FindingSeverity.Warning, Message(row.IsUnique, row.IsReady, row.Bytes, row.Object),
                Fix(row.Object, row.Qualified, row.QualifiedTable, row.Definition, row.IsUnique, row.KeyColumns), details));
        }

        var broken = findings.Count(f => f.Severity != FindingSeverity.Info);
        return new CheckOutcome(broken == 0 ? "no invalid indexes" : $"{broken} invalid index(es)", findings);
    }

    private static string Message(bool unique, bool ready, long bytes, string name)
    {
        var leftover = ReindexLeftover().IsMatch(name)
            ? "is a leftover of a failed REINDEX CONCURRENTLY (the original index still exists)"
            : "is invalid: a CREATE INDEX CONCURRENTLY on it failed or was cancelled";
        var cost = ready
            ? $"the planner never uses it, yet every INSERT and UPDATE still maintains it ({Format.Bytes(bytes)})"
            : $"the planner never uses it ({Format.Bytes(bytes)})";
        var uniqueness = unique ? "; as a UNIQUE index it enforces nothing, and the build most likely failed on duplicate keys" : string.Empty;
        return $"{leftover}; {cost}{uniqueness}.";
    }

    private static string Fix(string name, string qualified, string qualifiedTable, string definition, bool unique, string? keyColumns)
    {
        var drop = $"DROP INDEX CONCURRENTLY {qualified};";
        if (ReindexLeftover().IsMatch(name))
        {
            return drop;
        }

        var lines = new List<string>();
        if (unique && keyColumns is not null)
        {
            lines.Add($"-- find the duplicates first: SELECT {keyColumns}, count(*) FROM {qualifiedTable} GROUP BY {keyColumns} HAVING count(*) > 1;");
        }

        lines.Add(drop);
        lines.Add(IndexCatalog.CreateConcurrently(definition));
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"_cc(new|old)\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReindexLeftover();
}
