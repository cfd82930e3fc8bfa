using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Tables autovacuum is not keeping clean: many dead rows, many changes since the last ANALYZE, never analyzed at all
/// (PostgreSQL 14+: <c>reltuples &lt; 0</c>), or autovacuum switched off for the table (or the server). Dead rows waste
/// space and slow scans; stale statistics make the planner choose bad plans.
/// </summary>
internal sealed class VacuumAnalyzeCheck : IHealthCheck
{
    public const string Id = "vacuum-analyze";

    private static readonly string Sql = $"""
        select n.nspname || '.' || c.relname as object, format('%I.%I', n.nspname, c.relname) as qualified,
               c.reltuples::float8 as row_estimate, c.relpages::int8 as pages, pg_relation_size(c.oid) as bytes,
               coalesce(s.n_live_tup, 0) as live, coalesce(s.n_dead_tup, 0) as dead, coalesce(s.n_mod_since_analyze, 0) as changes,
               greatest(s.last_vacuum, s.last_autovacuum) as last_vacuum,
               greatest(s.last_analyze, s.last_autoanalyze) as last_analyze,
               coalesce((select o.option_value::bool from pg_options_to_table(c.reloptions) o
                         where o.option_name = 'autovacuum_enabled'), true) as autovacuum_enabled
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_stat_all_tables s on s.relid = c.oid
        where c.relkind in ('r', 'm') and {CatalogSql.UserRelation("c", "n")}
        order by 1
        """;

    private const string SettingsSql = "select current_setting('autovacuum')::bool as autovacuum, current_setting('track_counts')::bool as track_counts";

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Vacuum and analyze",
        "Tables with many dead rows, stale or missing planner statistics, or autovacuum switched off.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var findings = new List<HealthFinding>();
        var settings = (await context.QueryAsync(SettingsSql, r => (Autovacuum: r.Get<bool>("autovacuum"), TrackCounts: r.Get<bool>("track_counts")),
            cancellationToken))[0];
        if (!settings.Autovacuum || !settings.TrackCounts)
        {
            var off = settings.Autovacuum ? "track_counts" : "autovacuum";
            findings.Add(new HealthFinding("server", FindingSeverity.Critical,
                $"{off} is off: autovacuum does not run, so dead rows pile up, statistics go stale, and only emergency anti-wraparound vacuums protect the data.",
                $"ALTER SYSTEM SET {off} = on;\nSELECT pg_reload_conf();",
                new Dictionary<string, object?> { ["autovacuum"] = settings.Autovacuum, ["trackCounts"] = settings.TrackCounts }));
        }

        var rows = await context.QueryAsync(Sql, r => new TableState(
            r.Get<string>("object"),
            r.Get<string>("qualified"),
            r.Get<double>("row_estimate"),
            r.Get<long>("pages"),
            r.Get<long>("bytes"),
            r.Get<long>("live"),
            r.Get<long>("dead"),
            r.Get<long>("changes"),
            r.Maybe<DateTimeOffset>("last_vacuum"),
            r.Maybe<DateTimeOffset>("last_analyze"),
            r.Get<bool>("autovacuum_enabled")), cancellationToken);

        foreach (var table in rows)
        {
            if (Judge(table, context) is { } finding)
            {
                findings.Add(finding);
            }
        }

        var tables = findings.Count(f => f.Object != "server");
        return new CheckOutcome(
            tables == 0 ? $"{rows.Count} table(s) with few dead rows and current statistics" : $"{tables} of {rows.Count} table(s) need VACUUM or ANALYZE",
            [.. findings.OrderByDescending(f => f.Severity)]);
    }

    private static HealthFinding? Judge(TableState table, HealthContext context)
    {
        var thresholds = context.Thresholds;
        var now = context.Server.Now;
        var problems = new List<string>();
        var fixes = new List<string>();
        var severity = FindingSeverity.Info;
        var big = table.Bytes >= thresholds.VacuumMinTableBytes;

        if (!table.AutovacuumEnabled && big)
        {
            problems.Add("autovacuum is switched off for it (autovacuum_enabled = false), so nothing removes its dead rows or refreshes its statistics");
            fixes.Add($"ALTER TABLE {table.Qualified} RESET (autovacuum_enabled);");
            severity = FindingSeverity.Warning;
        }

        // PostgreSQL 14 marks never-analyzed tables with reltuples = -1; before that 0 rows on 0 pages is the sign.
        var neverAnalyzed = context.Server.VersionNumber >= 140000 ? table.Rows < 0 : table.Rows == 0 && table.Pages == 0;
        var live = Math.Max(table.Rows, table.Live);
        var deadFraction = table.Dead == 0 ? 0 : table.Dead / (live + table.Dead);
        var vacuum = false;
        if (table.Dead >= thresholds.DeadTuplesMin && deadFraction >= thresholds.DeadTuplesWarningFraction)
        {
            problems.Add($"{Format.Percent(deadFraction * 100)} of its rows are dead ({Format.Count(table.Dead)} dead, ≈ {Format.Count(live)} live; "
                + $"last vacuum {When(table.LastVacuum, now)})");
            fixes.Add($"VACUUM (ANALYZE, VERBOSE) {table.Qualified};");
            vacuum = true;
            severity = Max(severity, deadFraction >= thresholds.DeadTuplesCriticalFraction ? FindingSeverity.Critical : FindingSeverity.Warning);
        }

        if (neverAnalyzed && big)
        {
            problems.Add($"it was never analyzed ({Format.Bytes(table.Bytes)}): the planner guesses its row count and value distribution");
            severity = Max(severity, FindingSeverity.Warning);
        }
        else if (!neverAnalyzed && table.Changes >= thresholds.StaleAnalyzeMinChanges
                 && table.Changes >= thresholds.StaleAnalyzeFraction * Math.Max(table.Rows, 1))
        {
            problems.Add($"{Format.Count(table.Changes)} rows changed since its last analyze ({When(table.LastAnalyze, now)}), "
                + $"{Format.Percent(100 * table.Changes / Math.Max(table.Rows, 1))} of ≈ {Format.Count(table.Rows)}: its planner statistics are stale");
            severity = Max(severity, FindingSeverity.Warning);
        }

        if (problems.Count == 0)
        {
            return null;
        }

        if (!vacuum && (neverAnalyzed || table.Changes > 0))
        {
            fixes.Add($"ANALYZE {table.Qualified};");
        }

        return new HealthFinding(table.Object, severity, string.Join("; ", problems) + ".", string.Join('\n', fixes), new Dictionary<string, object?>
        {
            ["rowEstimate"] = table.Rows >= 0 ? (long)table.Rows : null,
            ["deadRows"] = table.Dead,
            ["deadFraction"] = Format.Round(deadFraction, 3),
            ["changesSinceAnalyze"] = table.Changes,
            ["lastVacuum"] = table.LastVacuum,
            ["lastAnalyze"] = table.LastAnalyze,
            ["neverAnalyzed"] = neverAnalyzed,
            ["autovacuumEnabled"] = table.AutovacuumEnabled,
            ["bytes"] = table.Bytes,
        });
    }

    private static FindingSeverity Max(FindingSeverity a, FindingSeverity b) => a > b ? a : b;

    private static string When(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } time ? $"{Format.Duration(now - time)} ago" : "never since statistics began";

    private sealed record TableState(
        string Object,
        string Qualified,
        double Rows,
        long Pages,
        long Bytes,
        long Live,
        long Dead,
        long Changes,
        DateTimeOffset? LastVacuum,
        DateTimeOffset? LastAnalyze,
        bool AutovacuumEnabled);
}
