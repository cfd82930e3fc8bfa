using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Transaction-id (and multixact) age of every database and of this database's tables. PostgreSQL can tell apart
/// 2^31 transaction ids; autovacuum freezes old rows from autovacuum_freeze_max_age on, and if it cannot keep up the
/// server eventually refuses writes. An age well past that setting means freezing is stuck, usually behind a long
/// transaction, a forgotten prepared transaction or a replication slot: the findings name the oldest of those.
/// </summary>
internal sealed class WraparoundCheck : IHealthCheck
{
    public const string Id = "xid-wraparound";

    private const double IdSpace = 2_147_483_648d;

    private const string DatabasesSql = """
        select d.datname as name, age(d.datfrozenxid)::int8 as xid_age, mxid_age(d.datminmxid)::int8 as mxid_age,
               d.datname = current_database() as is_current,
               current_setting('autovacuum_freeze_max_age')::int8 as freeze_max_age,
               current_setting('autovacuum_multixact_freeze_max_age')::int8 as multixact_freeze_max_age
        from pg_database d
        order by 2 desc
        """;

    private const string TablesSql = """
        select n.nspname || '.' || c.relname as object, format('%I.%I', n.nspname, c.relname) as qualified,
               c.relpersistence = 't' as is_temporary,
               greatest(age(c.relfrozenxid), coalesce(age(tc.relfrozenxid), 0))::int8 as xid_age,
               greatest(mxid_age(c.relminmxid), coalesce(mxid_age(tc.relminmxid), 0))::int8 as mxid_age,
               pg_total_relation_size(c.oid) as bytes
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_class tc on tc.oid = c.reltoastrelid
        where c.relkind in ('r', 'm')
          and (greatest(age(c.relfrozenxid), coalesce(age(tc.relfrozenxid), 0)) >= @xid_warning
               or greatest(mxid_age(c.relminmxid), coalesce(mxid_age(tc.relminmxid), 0)) >= @mxid_warning)
        order by 4 desc
        limit 20
        """;

    private const string HorizonSql = """
        select kind, name, age from (
            select 'session' as kind, 'pid ' || pid || coalesce(' (' || usename || ', ' || state || ')', '') as name, age(backend_xmin)::int8 as age
            from pg_stat_activity where backend_xmin is not null
            union all
            select 'prepared transaction', gid, age(transaction)::int8 from pg_prepared_xacts
            union all
            select 'replication slot', slot_name::text, age(xmin)::int8 from pg_replication_slots where xmin is not null
            union all
            select 'replication slot (catalog)', slot_name::text, age(catalog_xmin)::int8 from pg_replication_slots where catalog_xmin is not null
        ) h
        order by age desc
        limit 3
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Transaction-id wraparound",
        "Age of the oldest unfrozen transaction id (and multixact) per database and per table, against autovacuum_freeze_max_age and 2^31.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var databases = await context.QueryAsync(DatabasesSql, r => new
        {
            Name = r.Get<string>("name"),
            XidAge = r.Get<long>("xid_age"),
            MxidAge = r.Get<long>("mxid_age"),
            IsCurrent = r.Get<bool>("is_current"),
            FreezeMaxAge = r.Get<long>("freeze_max_age"),
            MultixactFreezeMaxAge = r.Get<long>("multixact_freeze_max_age"),
        }, cancellationToken);
        var settings = databases[0];
        var thresholds = context.Thresholds;
        var critical = thresholds.WraparoundCriticalAge;
        var xidWarning = WarningAge(thresholds, settings.FreezeMaxAge);
        var mxidWarning = WarningAge(thresholds, settings.MultixactFreezeMaxAge);

        var tables = await context.QueryAsync(TablesSql, r => new
        {
            Object = r.Get<string>("object"),
            Qualified = r.Get<string>("qualified"),
            IsTemporary = r.Get<bool>("is_temporary"),
            XidAge = r.Get<long>("xid_age"),
            MxidAge = r.Get<long>("mxid_age"),
            Bytes = r.Get<long>("bytes"),
        }, cancellationToken, ("xid_warning", xidWarning), ("mxid_warning", mxidWarning));

        var findings = new List<HealthFinding>();
        var oldDatabases = databases.Where(d => d.XidAge >= xidWarning || d.MxidAge >= mxidWarning).ToList();
        string? holders = null;
        if (oldDatabases.Count > 0 || tables.Count > 0)
        {
            var rows = await context.QueryAsync(HorizonSql, r => $"{r.Get<string>("kind")} {r.Get<string>("name")} ({Format.Count(r.Get<long>("age"))} transactions old)",
                cancellationToken);
            holders = rows.Count == 0 ? null : string.Join("; ", rows);
        }

        foreach (var database in oldDatabases)
        {
            var (age, what, setting, settingValue) = Worse(
                database.XidAge, database.MxidAge, xidWarning, mxidWarning, settings.FreezeMaxAge, settings.MultixactFreezeMaxAge);
            var behind = age > settingValue
                ? $"past {setting} ({Format.Count(settingValue)}), so anti-wraparound autovacuum is not keeping up"
                : $"{setting} is {Format.Count(settingValue)}";
            findings.Add(new HealthFinding(
                database.Name,
                age >= critical ? FindingSeverity.Critical : FindingSeverity.Warning,
                $"the oldest unfrozen {what} in database {database.Name} is {Format.Count(age)} old: {Format.Percent(100 * age / IdSpace)} of the "
                + $"2^31 at which PostgreSQL stops accepting writes; {behind}."
                + (holders is null ? string.Empty : $" Oldest holders of the xmin horizon: {holders}."),
                (database.IsCurrent
                    ? "-- freeze the oldest tables first (listed as separate findings), then the rest:\nVACUUM (FREEZE, VERBOSE);"
                    : $"-- connect to {database.Name} and run:\nVACUUM (FREEZE, VERBOSE);")
                + "\n-- and end whatever holds the horizon back: long transactions, prepared transactions (COMMIT/ROLLBACK PREPARED), unused replication slots",
                new Dictionary<string, object?>
                {
                    ["xidAge"] = database.XidAge,
                    ["multixactAge"] = database.MxidAge,
                    ["autovacuumFreezeMaxAge"] = settings.FreezeMaxAge,
                    ["horizonHolders"] = holders,
                }));
        }

        foreach (var table in tables)
        {
            var (age, what, _, _) = Worse(
                table.XidAge, table.MxidAge, xidWarning, mxidWarning, settings.FreezeMaxAge, settings.MultixactFreezeMaxAge);
            findings.Add(new HealthFinding(
                table.Object,
                age >= critical ? FindingSeverity.Critical : FindingSeverity.Warning,
                $"its oldest unfrozen {what} is {Format.Count(age)} old ({Format.Percent(100 * age / IdSpace)} of 2^31; {Format.Bytes(table.Bytes)} to freeze)"
                + (table.IsTemporary ? "; it is a temporary table of another session, which autovacuum cannot freeze: end that session." : "."),
                table.IsTemporary ? null : $"VACUUM (FREEZE, VERBOSE) {table.Qualified};",
                new Dictionary<string, object?>
                {
                    ["xidAge"] = table.XidAge,
                    ["multixactAge"] = table.MxidAge,
                    ["bytes"] = table.Bytes,
                }));
        }

        var oldest = databases[0];
        return new CheckOutcome(
            $"oldest database {oldest.Name}: {Format.Count(oldest.XidAge)} transactions ({Format.Percent(100 * oldest.XidAge / IdSpace)} of 2^31); "
            + $"warning from {Format.Count(xidWarning)}, critical from {Format.Count(critical)}",
            [.. findings.OrderByDescending(f => f.Severity)]);
    }

    private static long WarningAge(HealthThresholds thresholds, long freezeMaxAge) =>
        thresholds.WraparoundWarningAge
        ?? Math.Min((long)(freezeMaxAge * HealthThresholds.DefaultWraparoundWarningFactor), HealthThresholds.DefaultWraparoundWarningCap);

    /// <summary>Whichever of the two ages is further past its warning threshold.</summary>
    private static (long Age, string What, string Setting, long SettingValue) Worse(
        long xidAge, long mxidAge, long xidWarning, long mxidWarning, long freezeMaxAge, long multixactFreezeMaxAge) =>
        (double)mxidAge / Math.Max(1, mxidWarning) > (double)xidAge / Math.Max(1, xidWarning)
            ? (mxidAge, "multixact id", "autovacuum_multixact_freeze_max_age", multixactFreezeMaxAge)
            : (xidAge, "transaction id", "autovacuum_freeze_max_age", freezeMaxAge);
}
