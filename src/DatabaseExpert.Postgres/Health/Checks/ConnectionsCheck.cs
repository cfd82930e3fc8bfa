using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Client connections of the whole server against max_connections minus the reserved slots, and against the
/// connection limits of this database and of the current role when those are set. Running out means new clients
/// fail with "too many clients already".
/// </summary>
internal sealed class ConnectionsCheck : IHealthCheck
{
    public const string Id = "connections";

    private const string Sql = """
        select count(*) filter (where backend_type = 'client backend') as clients,
               count(*) filter (where backend_type = 'client backend' and state = 'idle') as idle,
               count(*) filter (where backend_type = 'client backend' and state like 'idle in transaction%') as idle_in_transaction,
               current_setting('max_connections')::int as max_connections,
               current_setting('superuser_reserved_connections')::int
                 + coalesce(current_setting('reserved_connections', true)::int, 0) as reserved,
               (select datconnlimit from pg_database where datname = current_database()) as database_limit,
               count(*) filter (where backend_type = 'client backend' and datname = current_database()) as database_clients,
               current_user as role_name,
               (select rolconnlimit from pg_roles where rolname = current_user) as role_limit,
               count(*) filter (where backend_type = 'client backend' and usename = current_user) as role_clients,
               (select string_agg(who || ': ' || n, ', ' order by n desc)
                from (select coalesce(usename, '?') || '@' || coalesce(datname, '?')
                             || coalesce(' [' || nullif(application_name, '') || ']', '') as who, count(*) as n
                      from pg_stat_activity where backend_type = 'client backend'
                      group by 1 order by 2 desc limit 5) top) as top_clients
        from pg_stat_activity
        """;

    private const string PoolerFix =
        "-- most connections are usually idle: put a pooler in front (PgBouncer in transaction mode; on Neon the -pooler endpoint),\n"
        + "-- shrink application pool sizes, or end forgotten sessions with idle_session_timeout;\n"
        + "-- raising max_connections needs a restart and memory for every connection";

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Connections",
        "Client connections against max_connections (minus reserved slots) and the database's and role's connection limits.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var row = (await context.QueryAsync(Sql, r => new
        {
            Clients = r.Get<long>("clients"),
            Idle = r.Get<long>("idle"),
            IdleInTransaction = r.Get<long>("idle_in_transaction"),
            MaxConnections = r.Get<int>("max_connections"),
            Reserved = r.Get<int>("reserved"),
            DatabaseLimit = r.Get<int>("database_limit"),
            DatabaseClients = r.Get<long>("database_clients"),
            Role = r.Get<string>("role_name"),
            RoleLimit = r.Maybe<int>("role_limit") ?? -1,
            RoleClients = r.Get<long>("role_clients"),
            Top = r.Text("top_clients"),
        }, cancellationToken))[0];

        var thresholds = context.Thresholds;
        var usable = Math.Max(1, row.MaxConnections - row.Reserved);
        var findings = new List<HealthFinding>();
        var details = new Dictionary<string, object?>
        {
            ["clients"] = row.Clients,
            ["idle"] = row.Idle,
            ["idleInTransaction"] = row.IdleInTransaction,
            ["maxConnections"] = row.MaxConnections,
            ["reserved"] = row.Reserved,
            ["topClients"] = row.Top,
        };
        Judge("server", row.Clients, usable,
            $"of {Format.Count(usable)} usable connections are in use (max_connections {row.MaxConnections} minus {row.Reserved} reserved; "
            + $"{Format.Count(row.Idle)} idle, {Format.Count(row.IdleInTransaction)} idle in transaction; most: {row.Top})");
        if (row.DatabaseLimit >= 0)
        {
            Judge(context.Server.Database, row.DatabaseClients, row.DatabaseLimit, $"of this database's CONNECTION LIMIT {row.DatabaseLimit} are in use");
        }

        if (row.RoleLimit >= 0)
        {
            Judge($"role {row.Role}", row.RoleClients, row.RoleLimit, $"of role {row.Role}'s CONNECTION LIMIT {row.RoleLimit} are in use");
        }

        return new CheckOutcome(
            $"{Format.Count(row.Clients)} of {Format.Count(usable)} usable connections ({Format.Percent(100.0 * row.Clients / usable)}); "
            + $"{Format.Count(row.Idle)} idle",
            findings);

        void Judge(string target, long used, long limit, string what)
        {
            var fraction = limit == 0 ? 1 : (double)used / limit;
            if (fraction < thresholds.ConnectionsWarningFraction)
            {
                return;
            }

            findings.Add(new HealthFinding(
                target,
                fraction >= thresholds.ConnectionsCriticalFraction ? FindingSeverity.Critical : FindingSeverity.Warning,
                $"{Format.Count(used)} {what}: {Format.Percent(fraction * 100)}; new clients fail with \"too many clients\" when none are left.",
                PoolerFix,
                new Dictionary<string, object?>(details) { ["used"] = used, ["limit"] = limit, ["fraction"] = Format.Round(fraction, 3) }));
        }
    }
}
