namespace DatabaseExpert.Postgres.Health.Internal;

/// <summary>A client session of the current database (never the session running the check), from pg_stat_activity.</summary>
internal sealed record SessionActivity(
    int Pid,
    string? User,
    string? QuotedUser,
    string? Application,
    string? Client,
    string State,
    double QuerySeconds,
    double? TransactionSeconds,
    double StateSeconds,
    string? Query,
    string? WaitEvent,
    long Blocking)
{
    private const int QueryTextLimit = 300;

    private static readonly string Sql = $"""
        select a.pid, a.usename as user_name, quote_ident(a.usename) as quoted_user, a.application_name, a.client_addr::text as client,
               a.state,
               coalesce(extract(epoch from now() - a.query_start), 0)::float8 as query_seconds,
               extract(epoch from now() - a.xact_start)::float8 as transaction_seconds,
               coalesce(extract(epoch from now() - a.state_change), 0)::float8 as state_seconds,
               left(a.query, {QueryTextLimit}) as query,
               a.wait_event_type || ':' || a.wait_event as wait_event,
               (select count(*) from pg_stat_activity b where a.pid = any(pg_blocking_pids(b.pid))) as blocking
        from pg_stat_activity a
        where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend'
          and a.state = any(@states)
          and now() - (case when a.state = 'active' then a.query_start else a.state_change end) >= @min_age
        order by 7 desc, 9 desc
        limit 50
        """;

    public string Object => $"pid {Pid}";

    /// <summary>"user app, application api, from 10.0.0.5; blocks 2 sessions".</summary>
    public string Who
    {
        get
        {
            var parts = new List<string>();
            if (User is not null)
            {
                parts.Add($"user {User}");
            }

            if (!string.IsNullOrEmpty(Application))
            {
                parts.Add($"application {Application}");
            }

            if (Client is not null)
            {
                parts.Add($"from {Client}");
            }

            var who = string.Join(", ", parts);
            if (WaitEvent is not null)
            {
                who += $"; waiting on {WaitEvent}";
            }

            return Blocking > 0 ? $"{who}; blocks {Blocking} other session(s)" : who;
        }
    }

    /// <summary>Sessions in one of <paramref name="states"/> for at least <paramref name="minimumAge"/> (query age when active, state age otherwise).</summary>
    public static Task<IReadOnlyList<SessionActivity>> LoadAsync(
        HealthContext context, string[] states, TimeSpan minimumAge, CancellationToken cancellationToken) =>
        context.QueryAsync(Sql, r => new SessionActivity(
            r.Get<int>("pid"),
            r.Text("user_name"),
            r.Text("quoted_user"),
            r.Text("application_name"),
            r.Text("client"),
            r.Get<string>("state"),
            r.Get<double>("query_seconds"),
            r.Maybe<double>("transaction_seconds"),
            r.Get<double>("state_seconds"),
            r.Text("query"),
            r.Text("wait_event"),
            r.Get<long>("blocking")), cancellationToken, ("states", states), ("min_age", minimumAge));

    public Dictionary<string, object?> Details(double seconds) => new()
    {
        ["pid"] = Pid,
        ["user"] = User,
        ["application"] = Application,
        ["client"] = Client,
        ["state"] = State,
        ["seconds"] = Math.Round(seconds),
        ["transactionSeconds"] = TransactionSeconds is { } t ? Math.Round(t) : null,
        ["waitEvent"] = WaitEvent,
        ["blockingSessions"] = Blocking,
        ["query"] = Query,
    };

    public static FindingSeverity Severity(double seconds, TimeSpan warning, TimeSpan critical) =>
        seconds >= critical.TotalSeconds ? FindingSeverity.Critical : seconds >= warning.TotalSeconds ? FindingSeverity.Warning : FindingSeverity.Info;

    /// <summary>The query text on one line, for messages.</summary>
    public string QueryLine => Query is null ? "(query not visible to this role)" : string.Join(' ', Query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
