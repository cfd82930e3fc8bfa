namespace DatabaseExpert.Postgres.Health;

/// <summary>
/// Every threshold the checks use, with documented defaults (docs/health-checks.md says why each value was chosen).
/// Tests and callers may tighten or loosen them; the defaults are what <c>dbx health</c> uses.
/// </summary>
public sealed record HealthThresholds
{
    public const long MiB = 1024L * 1024;

    /// <summary>An index is judged unused only when its table was read at least this often since statistics began.</summary>
    public const long DefaultUnusedIndexMinTableScans = 500;

    /// <summary>…or written this many rows (every write pays for every index).</summary>
    public const long DefaultUnusedIndexMinTableWrites = 10_000;

    /// <summary>Smaller unused indexes cost too little to be worth a finding.</summary>
    public const long DefaultUnusedIndexMinBytes = 1 * MiB;

    public const double DefaultBloatWarningPercent = 30;
    public const long DefaultBloatWarningBytes = 10 * MiB;
    public const double DefaultBloatCriticalPercent = 50;
    public const long DefaultBloatCriticalBytes = 1024 * MiB;

    public const double DefaultSequenceWarningPercent = 75;
    public const double DefaultSequenceCriticalPercent = 90;

    /// <summary>Warning at 1.5 × autovacuum_freeze_max_age: the forced anti-wraparound vacuum is overdue.</summary>
    public const double DefaultWraparoundWarningFactor = 1.5;

    /// <summary>…but never later than 40% of the 2^31 limit, whatever autovacuum_freeze_max_age says.</summary>
    public const long DefaultWraparoundWarningCap = 858_993_459;

    /// <summary>Critical at half of the 2^31 transaction ids PostgreSQL can tell apart.</summary>
    public const long DefaultWraparoundCriticalAge = 1_073_741_824;

    public const double DefaultCacheHitMinRatio = 0.95;

    /// <summary>A hit ratio means something only once this many blocks were read from storage (≈ 80 MB) …</summary>
    public const long DefaultCacheHitMinBlocksRead = 10_000;

    public static readonly TimeSpan DefaultLongRunningQueryWarning = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultLongRunningQueryCritical = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultIdleInTransactionWarning = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultIdleInTransactionCritical = TimeSpan.FromMinutes(15);

    public const double DefaultConnectionsWarningFraction = 0.80;
    public const double DefaultConnectionsCriticalFraction = 0.95;

    public const long DefaultDeadTuplesMin = 10_000;
    public const double DefaultDeadTuplesWarningFraction = 0.20;
    public const double DefaultDeadTuplesCriticalFraction = 0.50;
    public const long DefaultStaleAnalyzeMinChanges = 10_000;
    public const double DefaultStaleAnalyzeFraction = 0.20;

    /// <summary>Never-analyzed or autovacuum-disabled tables smaller than this are left alone.</summary>
    public const long DefaultVacuumMinTableBytes = 1 * MiB;

    public const long DefaultNPlusOneMinCalls = 500;
    public const double DefaultNPlusOneMaxRowsPerCall = 1.5;

    public static readonly TimeSpan DefaultReplicationLagWarning = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultReplicationLagCritical = TimeSpan.FromMinutes(15);
    public const long DefaultReplicationSlotCriticalBytes = 10 * 1024 * MiB;

    public static HealthThresholds Default { get; } = new();

    public long UnusedIndexMinTableScans { get; init; } = DefaultUnusedIndexMinTableScans;
    public long UnusedIndexMinTableWrites { get; init; } = DefaultUnusedIndexMinTableWrites;
    public long UnusedIndexMinBytes { get; init; } = DefaultUnusedIndexMinBytes;

    public double BloatWarningPercent { get; init; } = DefaultBloatWarningPercent;
    public long BloatWarningBytes { get; init; } = DefaultBloatWarningBytes;
    public double BloatCriticalPercent { get; init; } = DefaultBloatCriticalPercent;
    public long BloatCriticalBytes { get; init; } = DefaultBloatCriticalBytes;

    public double SequenceWarningPercent { get; init; } = DefaultSequenceWarningPercent;
    public double SequenceCriticalPercent { get; init; } = DefaultSequenceCriticalPercent;

    /// <summary>An absolute warning age; null derives it from autovacuum_freeze_max_age (see the constants).</summary>
    public long? WraparoundWarningAge { get; init; }
    public long WraparoundCriticalAge { get; init; } = DefaultWraparoundCriticalAge;

    public double CacheHitMinRatio { get; init; } = DefaultCacheHitMinRatio;
    public long CacheHitMinBlocksRead { get; init; } = DefaultCacheHitMinBlocksRead;

    public TimeSpan LongRunningQueryWarning { get; init; } = DefaultLongRunningQueryWarning;
    public TimeSpan LongRunningQueryCritical { get; init; } = DefaultLongRunningQueryCritical;
    public TimeSpan IdleInTransactionWarning { get; init; } = DefaultIdleInTransactionWarning;
    public TimeSpan IdleInTransactionCritical { get; init; } = DefaultIdleInTransactionCritical;

    public double ConnectionsWarningFraction { get; init; } = DefaultConnectionsWarningFraction;
    public double ConnectionsCriticalFraction { get; init; } = DefaultConnectionsCriticalFraction;

    public long DeadTuplesMin { get; init; } = DefaultDeadTuplesMin;
    public double DeadTuplesWarningFraction { get; init; } = DefaultDeadTuplesWarningFraction;
    public double DeadTuplesCriticalFraction { get; init; } = DefaultDeadTuplesCriticalFraction;
    public long StaleAnalyzeMinChanges { get; init; } = DefaultStaleAnalyzeMinChanges;
    public double StaleAnalyzeFraction { get; init; } = DefaultStaleAnalyzeFraction;
    public long VacuumMinTableBytes { get; init; } = DefaultVacuumMinTableBytes;

    public long NPlusOneMinCalls { get; init; } = DefaultNPlusOneMinCalls;
    public double NPlusOneMaxRowsPerCall { get; init; } = DefaultNPlusOneMaxRowsPerCall;

    public TimeSpan ReplicationLagWarning { get; init; } = DefaultReplicationLagWarning;
    public TimeSpan ReplicationLagCritical { get; init; } = DefaultReplicationLagCritical;
    public long ReplicationSlotCriticalBytes { get; init; } = DefaultReplicationSlotCriticalBytes;
}
