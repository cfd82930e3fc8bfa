using DatabaseExpert.Postgres.Health.Internal;

namespace DatabaseExpert.Postgres.Health.Checks;

/// <summary>
/// Share of block requests served from shared_buffers, for the database and for each table's heap and indexes.
/// A ratio is judged only after enough reads from storage, and only once those reads exceed the size of what was
/// read: until then every miss can be the first, unavoidable read of a block (a cold cache after a restart or on a
/// fresh copy) rather than a working set that does not fit.
/// </summary>
internal sealed class CacheHitRatioCheck : IHealthCheck
{
    public const string Id = "cache-hit-ratio";

    private const string DatabaseSql = """
        select d.blks_hit as hits, d.blks_read as reads,
               pg_database_size(d.datid) / current_setting('block_size')::int8 as blocks,
               current_setting('shared_buffers') as shared_buffers
        from pg_stat_database d
        where d.datname = current_database()
        """;

    private static readonly string TablesSql = $"""
        select n.nspname || '.' || c.relname as object,
               s.heap_blks_hit as heap_hits, s.heap_blks_read as heap_reads,
               coalesce(s.idx_blks_hit, 0) as index_hits, coalesce(s.idx_blks_read, 0) as index_reads,
               pg_relation_size(c.oid) / current_setting('block_size')::int8 as heap_blocks,
               pg_indexes_size(c.oid) / current_setting('block_size')::int8 as index_blocks
        from pg_statio_all_tables s
        join pg_class c on c.oid = s.relid
        join pg_namespace n on n.oid = c.relnamespace
        where (s.heap_blks_read >= @min_reads or coalesce(s.idx_blks_read, 0) >= @min_reads)
          and {CatalogSql.UserRelation("c", "n")}
        order by s.heap_blks_read + coalesce(s.idx_blks_read, 0) desc
        limit 50
        """;

    public HealthCheckInfo Info { get; } = new(
        Id,
        "Cache hit ratio",
        "Share of block reads served from shared_buffers, for the database and per table (heap and indexes), once there were enough reads to judge.");

    public async Task<CheckOutcome> RunAsync(HealthContext context, CancellationToken cancellationToken)
    {
        var thresholds = context.Thresholds;
        var database = (await context.QueryAsync(DatabaseSql, r => new
        {
            Hits = r.Get<long>("hits"),
            Reads = r.Get<long>("reads"),
            Blocks = r.Get<long>("blocks"),
            SharedBuffers = r.Get<string>("shared_buffers"),
        }, cancellationToken))[0];
        var tables = await context.QueryAsync(TablesSql, r => new
        {
            Object = r.Get<string>("object"),
            Heap = new Sample(r.Get<long>("heap_hits"), r.Get<long>("heap_reads"), r.Get<long>("heap_blocks")),
            Indexes = new Sample(r.Get<long>("index_hits"), r.Get<long>("index_reads"), r.Get<long>("index_blocks")),
        }, cancellationToken, ("min_reads", thresholds.CacheHitMinBlocksRead));

        var findings = new List<HealthFinding>();
        var whole = new Sample(database.Hits, database.Reads, database.Blocks);
        var fix = $"-- shared_buffers is {database.SharedBuffers}: give it about 25% of the machine's memory (restart needed), or a bigger instance;\n"
            + "-- and cut what queries read: indexes for large sequential scans (those bypass the cache through a small ring buffer), "
            + "fewer columns and rows fetched";
        if (whole.IsLow(thresholds))
        {
            findings.Add(new HealthFinding(context.Server.Database, FindingSeverity.Warning,
                $"{Format.Percent(whole.Ratio * 100)} of block requests were served from shared_buffers ({Format.Count(whole.Reads)} blocks read "
                + $"from storage, {Format.Count(whole.Hits)} hits; the database has {Format.Count(whole.Blocks)} blocks): the working set does not fit "
                + $"in memory (below {Format.Percent(thresholds.CacheHitMinRatio * 100)}).",
                fix,
                whole.Details(database.SharedBuffers)));
        }

        foreach (var table in tables)
        {
            var parts = new List<string>();
            var details = new Dictionary<string, object?>();
            foreach (var (name, sample) in new[] { ("heap", table.Heap), ("indexes", table.Indexes) })
            {
                if (sample.IsLow(thresholds))
                {
                    parts.Add($"{name} {Format.Percent(sample.Ratio * 100)} ({Format.Count(sample.Reads)} blocks read from storage for "
                        + $"{Format.Count(sample.Blocks)} blocks of {name})");
                    details[name] = sample.Details(database.SharedBuffers);
                }
            }

            if (parts.Count > 0)
            {
                findings.Add(new HealthFinding(table.Object, FindingSeverity.Warning,
                    $"low cache hit ratio: {string.Join("; ", parts)}; its blocks are read from storage again and again.",
                    fix,
                    details));
            }
        }

        var verdict = whole.IsJudged(thresholds)
            ? $"database {Format.Percent(whole.Ratio * 100)} from shared_buffers over {Format.Count(whole.Hits + whole.Reads)} block requests"
            : $"too few reads from storage to judge yet ({Format.Count(whole.Reads)} blocks; needs ≥ {Format.Count(thresholds.CacheHitMinBlocksRead)} "
              + $"and more than the database's {Format.Count(whole.Blocks)} blocks)";
        return new CheckOutcome($"{verdict}; shared_buffers {database.SharedBuffers}", findings);
    }

    /// <summary>Hits and reads of one relation (or the database) and its size in blocks.</summary>
    private sealed record Sample(long Hits, long Reads, long Blocks)
    {
        public double Ratio => Hits + Reads == 0 ? 1 : (double)Hits / (Hits + Reads);

        /// <summary>Enough reads, and more than one pass over the relation: misses can no longer all be first reads.</summary>
        public bool IsJudged(HealthThresholds thresholds) => Reads >= thresholds.CacheHitMinBlocksRead && Reads > Blocks;

        public bool IsLow(HealthThresholds thresholds) => IsJudged(thresholds) && Ratio < thresholds.CacheHitMinRatio;

        public Dictionary<string, object?> Details(string sharedBuffers) => new()
        {
            ["hitRatio"] = Format.Round(Ratio, 4),
            ["blocksHit"] = Hits,
            ["blocksRead"] = Reads,
            ["sizeBlocks"] = Blocks,
            ["sharedBuffers"] = sharedBuffers,
        };
    }
}
