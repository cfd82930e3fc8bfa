using System.Text.RegularExpressions;
using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// N+1 suspects from pg_stat_statements: one normalized SELECT with an equality on a parameter, called very often and
/// returning about one row per call. That is the footprint of code that loops over an earlier result and fetches one
/// row per key (an ORM's lazy relation, a <c>for</c> loop around <c>findFirst</c>): N round trips where one would do.
/// </summary>
internal sealed partial class NPlusOneCheck : IHealthCheck
{
    public const string Id = "n-plus-one";

    private const int MaxFindings = 20;

    private const string ExtensionSql = """
        select quote_ident(n.nspname) from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_stat_statements'
        """;

    private const string InstallFix =
        "-- postgresql.conf (restart needed): shared_preload_libraries = 'pg_stat_statements'\n"
        + "CREATE EXTENSION pg_stat_statements;\n"
        + "-- Neon, Supabase, RDS and most managed services preload it already: CREATE EXTENSION is enough";

    public HealthCheckInfo Info { get; } = new(
        Id,
        "N+1 query suspects",
        "Statements from pg_stat_statements run very often with about one row per call and an `= $n` predicate: a loop fetching one row per key.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var schema = await context.ScalarAsync<string>(ExtensionSql, cancellationToken);
        if (schema is null)
        {
            return Unavailable("pg_stat_statements is not installed in this database, so N+1 detection (and workload analysis) cannot run.");
        }

        var thresholds = context.Thresholds;
        var (statements, error) = await context.TryQueryAsync($"""
            select s.queryid, s.query, s.calls, s.rows, s.total_exec_time::float8 as total_ms, s.mean_exec_time::float8 as mean_ms
            from {schema}.pg_stat_statements s
            where s.dbid = (select oid from pg_database where datname = current_database())
              and s.calls >= @min_calls and s.rows <= s.calls * @max_rows
            order by s.total_exec_time desc
            limit 500
            """, r => new Statement(
                r.Maybe<long>("queryid"),
                r.Get<string>("query"),
                r.Get<long>("calls"),
                r.Get<long>("rows"),
                r.Get<double>("total_ms"),
                r.Get<double>("mean_ms")), cancellationToken,
            ("min_calls", thresholds.NPlusOneMinCalls), ("max_rows", thresholds.NPlusOneMaxRowsPerCall));
        if (statements is null)
        {
            return Unavailable($"pg_stat_statements is installed but cannot be read ({error!.MessageText}), so N+1 detection cannot run.");
        }

        var suspects = statements.Where(s => s.IsSuspect).Take(MaxFindings).ToList();
        var tables = await ResolveTablesAsync(context, suspects.Select(s => s.Table).OfType<string>(), cancellationToken);
        var since = (await context.TryQueryAsync($"select stats_reset from {schema}.pg_stat_statements_info", r => r.Get<DateTimeOffset>("stats_reset"),
            cancellationToken)).Rows is [var first, ..] ? first : (DateTimeOffset?)null;
        var window = since is { } reset ? $"pg_stat_statements covers {Format.Duration(context.Server.Now - reset)}" : "pg_stat_statements";

        var findings = suspects.Select(s =>
        {
            var table = s.Table is null ? null : tables.GetValueOrDefault(s.Table, s.Table);
            return new HealthFinding(
                table ?? $"queryid {s.QueryId}",
                FindingSeverity.Warning,
                $"\"{s.OneLine}\" ran {Format.Count(s.Calls)} times returning {Format.Number(s.RowsPerCall, 2)} row(s) per call "
                + $"(mean {Format.Number(s.MeanMs, 3)} ms, {Format.Number(s.TotalMs, 1)} ms in all): one query per key, typically a loop over an "
                + "earlier result (N+1); every call pays a round trip.",
                s.Fix(table),
                new Dictionary<string, object?>
                {
                    ["queryId"] = s.QueryId,
                    ["query"] = s.Query,
                    ["calls"] = s.Calls,
                    ["rows"] = s.Rows,
                    ["rowsPerCall"] = Format.Round(s.RowsPerCall, 2),
                    ["meanMs"] = Format.Round(s.MeanMs, 3),
                    ["totalMs"] = Format.Round(s.TotalMs, 1),
                });
        }).ToList();

        return new CheckOutcome(
            findings.Count == 0
                ? $"no statement with ≥ {Format.Count(thresholds.NPlusOneMinCalls)} calls and ≤ {Format.Number(thresholds.NPlusOneMaxRowsPerCall)} rows per call looks like a per-key lookup; {window}"
                : $"{findings.Count} statement(s) look like N+1 loops; {window}",
            findings);
    }

    private static CheckOutcome Unavailable(string message) =>
        new("not available: " + message, [new HealthFinding("pg_stat_statements", FindingSeverity.Info, message, InstallFix, new Dictionary<string, object?>())]);

    /// <summary>Unqualified table names found in queries, mapped to <c>schema.name</c> where exactly one user schema has them.</summary>
    private static async Task<Dictionary<string, string>> ResolveTablesAsync(
        HealthContext context, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var lookups = names.Where(n => !n.Contains('.', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        if (lookups.Length == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var rows = await context.QueryAsync($"""
            select c.relname, min(n.nspname) as schema_name, count(*) as schemas
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relname = any(@names) and c.relkind in ('r', 'p', 'v', 'm', 'f') and {CatalogSql.UserRelation("c", "n")}
            group by c.relname
            """, r => (Name: r.Get<string>("relname"), Schema: r.Get<string>("schema_name"), Schemas: r.Get<long>("schemas")),
            cancellationToken, ("names", lookups));
        return rows.Where(r => r.Schemas == 1).ToDictionary(r => r.Name, r => $"{r.Schema}.{r.Name}", StringComparer.Ordinal);
    }

    private sealed record Statement(long? QueryId, string Query, long Calls, long Rows, double TotalMs, double MeanMs)
    {
        public double RowsPerCall => Calls == 0 ? 0 : (double)Rows / Calls;

        public string OneLine => string.Join(' ', LeadingComments().Replace(Query, string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        public bool IsSuspect => OneLine.StartsWith("select ", StringComparison.OrdinalIgnoreCase) && KeyEquality().IsMatch(OneLine);

        /// <summary>The first table after FROM, unquoted and lower-cased the way PostgreSQL folds it.</summary>
        public string? Table => FromTable().Match(OneLine) is { Success: true } m ? Identifier(m.Groups["table"].Value) : null;

        public string Fix(string? table)
        {
            var match = KeyEquality().Match(OneLine);
            var column = match.Groups["column"].Value;
            var batched = KeyEquality().Replace(OneLine, m => $"{m.Groups["column"].Value} = ANY(${m.Groups["n"].Value})", 1);
            var bareTable = (table ?? Table ?? "table").Split('.')[^1];
            var bareColumn = column.Split('.')[^1].Trim('"');
            return "-- fetch every key in one round trip, passing an array of keys:\n"
                + batched + "\n"
                + "-- or join this table into the query that produced the keys.\n"
                + $"-- Drizzle: db.select().from({bareTable}).where(inArray({bareTable}.{bareColumn}, keys)), "
                + "or a relational query: db.query.<parent>.findMany({ with: { <relation>: true } })";
        }

        private static string Identifier(string text) => string.Join('.', text.Split('.').Select(part =>
        {
            part = part.Trim();
            return part.StartsWith('"') ? part[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : part.ToLowerInvariant();
        }));
    }

    [GeneratedRegex(@"^\s*(?:/\*.*?\*/\s*|--[^\n]*\n\s*)*", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex LeadingComments();

    [GeneratedRegex(@"(?<column>(?:""(?:[^""]|"""")+""|[A-Za-z_][\w$]*)(?:\.(?:""(?:[^""]|"""")+""|[A-Za-z_][\w$]*))?)\s*=\s*\$(?<n>\d+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex KeyEquality();

    [GeneratedRegex(@"\bfrom\s+(?<table>(?:""(?:[^""]|"""")+""|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:""(?:[^""]|"""")+""|[A-Za-z_][\w$]*))?)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FromTable();
}
