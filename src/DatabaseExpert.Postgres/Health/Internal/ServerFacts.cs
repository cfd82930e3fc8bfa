using Npgsql;

namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>
/// Facts about the server every check may need, read once per report. <c>StatsSince</c> is when the cumulative
/// statistics (pg_stat_*) of this database began as far as the server knows: a recorded reset
/// (<c>StatsSinceReset</c>), or else the server start, which is only a lower bound.
/// </summary>
internal sealed record ServerFacts(
    string Database,
    int VersionNumber,
    string Version,
    int BlockSize,
    DateTimeOffset Now,
    DateTimeOffset StatsSince,
    bool StatsSinceReset,
    bool InRecovery)
{
    private const string Sql = """
        select current_database() as database,
               current_setting('server_version_num')::int as version_number,
               split_part(current_setting('server_version'), ' ', 1) as version,
               current_setting('block_size')::int as block_size,
               now() as now,
               d.stats_reset,
               pg_postmaster_start_time() as started,
               pg_is_in_recovery() as in_recovery
        from pg_stat_database d
        where d.datname = current_database()
        """;

    public TimeSpan StatsAge => Now - StatsSince;

    /// <summary>"statistics cover 3 d 4 h (since 2025-01-02 10:00 UTC)", said so that a reader can judge a usage-based verdict.</summary>
    public string StatsWindow => StatsSinceReset
        ? $"statistics cover {Format.Duration(StatsAge)} (reset {Format.Timestamp(StatsSince)})"
        : $"statistics cover at least {Format.Duration(StatsAge)} (server up since {Format.Timestamp(StatsSince)}; never reset)";

    public static async Task<ServerFacts> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("pg_stat_database has no row for the current database");
        }

        var reset = reader.Maybe<DateTimeOffset>("stats_reset");
        return new ServerFacts(
            reader.Get<string>("database"),
            reader.Get<int>("version_number"),
            reader.Get<string>("version"),
            reader.Get<int>("block_size"),
            reader.Get<DateTimeOffset>("now"),
            reset ?? reader.Get<DateTimeOffset>("started"),
            reset is not null,
            reader.Get<bool>("in_recovery"));
    }
}
