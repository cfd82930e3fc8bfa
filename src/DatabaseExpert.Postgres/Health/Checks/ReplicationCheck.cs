using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Replication slots nobody consumes (they keep WAL, and old row versions for logical slots, until the disk fills),
/// standbys that lag behind this primary, and — on a standby — how far replay is behind.
/// </summary>
internal sealed class ReplicationCheck : IHealthCheck
{
    public const string Id = "replication";

    private const string SlotsSql = """
        select slot_name::text as name, slot_type as type, database::text as database, active,
               wal_status,
               case when pg_is_in_recovery() or restart_lsn is null then null
                    else pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::int8 end as retained_bytes
        from pg_replication_slots
        order by 1
        """;

    private const string StandbysSql = """
        select coalesce(nullif(application_name, ''), client_addr::text, 'pid ' || pid) as name, state,
               extract(epoch from replay_lag)::float8 as replay_lag_seconds
        from pg_stat_replication
        order by 1
        """;

    private const string ReplicaSql = """
        select case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                    else extract(epoch from now() - pg_last_xact_replay_timestamp()) end::float8 as lag_seconds
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Replication",
        "Inactive replication slots that retain WAL, lagging standbys, and replay lag when this server is a standby.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var thresholds = context.Thresholds;
        var findings = new List<HealthFinding>();
        var slots = await context.QueryAsync(SlotsSql, r => new
        {
            Name = r.Get<string>("name"),
            Type = r.Get<string>("type"),
            Database = r.Text("database"),
            Active = r.Get<bool>("active"),
            WalStatus = r.Text("wal_status"),
            Retained = r.Maybe<long>("retained_bytes"),
        }, cancellationToken);
        foreach (var slot in slots)
        {
            var lost = slot.WalStatus == "lost";
            var huge = slot.Retained >= thresholds.ReplicationSlotCriticalBytes;
            if (slot.Active && !lost && !huge)
            {
                continue;
            }

            var retained = slot.Retained is { } bytes ? $"retains {Format.Bytes(bytes)} of WAL" : "retains WAL";
            var message = lost
                ? $"{slot.Type} slot lost the WAL its consumer needs (wal_status lost): that consumer can no longer catch up."
                : $"{(slot.Active ? "active" : "inactive")} {slot.Type} slot{(slot.Database is null ? string.Empty : $" on database {slot.Database}")} {retained}"
                  + (slot.Type == "logical" ? " and keeps vacuum from removing old catalog rows" : string.Empty)
                  + ": the WAL directory grows until its consumer comes back or the disk fills.";
            findings.Add(new HealthFinding(
                slot.Name,
                lost || huge ? FindingSeverity.Critical : FindingSeverity.Warning,
                message,
                $"SELECT pg_drop_replication_slot('{slot.Name.Replace("'", "''", StringComparison.Ordinal)}');  -- only if its consumer is gone for good",
                new Dictionary<string, object?>
                {
                    ["type"] = slot.Type,
                    ["database"] = slot.Database,
                    ["active"] = slot.Active,
                    ["walStatus"] = slot.WalStatus,
                    ["retainedBytes"] = slot.Retained,
                }));
        }

        var standbys = (await context.TryQueryAsync(StandbysSql, r => new
        {
            Name = r.Get<string>("name"),
            State = r.Text("state"),
            Lag = r.Maybe<double>("replay_lag_seconds"),
        }, cancellationToken)).Rows ?? [];
        foreach (var standby in standbys.Where(s => s.Lag >= thresholds.ReplicationLagWarning.TotalSeconds))
        {
            findings.Add(LagFinding($"standby {standby.Name}", standby.Lag!.Value, thresholds, "replays this primary's changes"));
        }

        if (context.Server.InRecovery)
        {
            var lag = (await context.QueryAsync(ReplicaSql, r => r.Maybe<double>("lag_seconds"), cancellationToken))[0];
            if (lag >= thresholds.ReplicationLagWarning.TotalSeconds)
            {
                findings.Add(LagFinding(context.Server.Database, lag.Value, thresholds, "(this standby) replays its primary's changes"));
            }
        }

        var role = context.Server.InRecovery ? "standby" : "primary";
        return new CheckOutcome(
            $"{role}; {slots.Count} replication slot(s), {standbys.Count} standby(s) connected",
            [.. findings.OrderByDescending(f => f.Severity)]);
    }

    private static HealthFinding LagFinding(string target, double seconds, HealthThresholds thresholds, string what) => new(
        target,
        seconds >= thresholds.ReplicationLagCritical.TotalSeconds ? FindingSeverity.Critical : FindingSeverity.Warning,
        $"{what} {Format.Duration(TimeSpan.FromSeconds(seconds))} late: reads there see old data, and a failover would lose or delay that much.",
        "-- look for long queries on the standby (hot_standby_feedback, max_standby_streaming_delay), network or disk limits, "
        + "and heavy write bursts on the primary",
        new Dictionary<string, object?> { ["lagSeconds"] = Math.Round(seconds, 1) });
}
