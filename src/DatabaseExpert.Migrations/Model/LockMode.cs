namespace DatabaseExpert.Migrations.Model;

/// <summary>The eight table-level lock modes of PostgreSQL, weakest first (the order of the manual's conflict table).</summary>
public enum LockMode
{
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

/// <summary>
/// What each lock mode blocks, from PostgreSQL's table-level lock conflict table. A mode is <em>dangerous</em> when it
/// conflicts with what ordinary application traffic takes: <c>SELECT</c> (ACCESS SHARE), <c>SELECT … FOR UPDATE/SHARE</c>
/// (ROW SHARE) or <c>INSERT/UPDATE/DELETE</c> (ROW EXCLUSIVE). SHARE UPDATE EXCLUSIVE is not: it only conflicts with
/// VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY and other DDL.
/// </summary>
public static class LockModes
{
    // Bit i set in Conflicts[m] = mode m conflicts with mode i.
    private static readonly int[] Conflicts =
    [
        Bits(LockMode.AccessExclusive),
        Bits(LockMode.Exclusive, LockMode.AccessExclusive),
        Bits(LockMode.Share, LockMode.ShareRowExclusive, LockMode.Exclusive, LockMode.AccessExclusive),
        Bits(LockMode.ShareUpdateExclusive, LockMode.Share, LockMode.ShareRowExclusive, LockMode.Exclusive, LockMode.AccessExclusive),
        Bits(LockMode.RowExclusive, LockMode.ShareUpdateExclusive, LockMode.ShareRowExclusive, LockMode.Exclusive, LockMode.AccessExclusive),
        Bits(
            LockMode.RowExclusive, LockMode.ShareUpdateExclusive, LockMode.Share, LockMode.ShareRowExclusive, LockMode.Exclusive,
            LockMode.AccessExclusive),
        Bits(
            LockMode.RowShare, LockMode.RowExclusive, LockMode.ShareUpdateExclusive, LockMode.Share, LockMode.ShareRowExclusive,
            LockMode.Exclusive, LockMode.AccessExclusive),
        Bits(Enum.GetValues<LockMode>()),
    ];

    /// <summary>Whether two sessions can hold these modes on the same relation at the same time.</summary>
    public static bool ConflictsWith(this LockMode mode, LockMode other) => (Conflicts[(int)mode] & (1 << (int)other)) != 0;

    /// <summary>Blocks plain <c>SELECT</c>.</summary>
    public static bool BlocksReads(this LockMode mode) => mode.ConflictsWith(LockMode.AccessShare);

    /// <summary>Blocks <c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c> (and <c>MERGE</c>).</summary>
    public static bool BlocksWrites(this LockMode mode) => mode.ConflictsWith(LockMode.RowExclusive);

    /// <summary>Blocks <c>SELECT … FOR UPDATE / FOR SHARE</c>.</summary>
    public static bool BlocksRowLocking(this LockMode mode) => mode.ConflictsWith(LockMode.RowShare);

    /// <summary>Blocks some ordinary application query: reads, writes or row locking.</summary>
    public static bool IsDangerous(this LockMode mode) => mode.BlocksReads() || mode.BlocksWrites() || mode.BlocksRowLocking();

    /// <summary>
    /// True when holding <paramref name="mode"/> already excludes everything <paramref name="other"/> would: taking
    /// <paramref name="other"/> afterwards never waits for anyone.
    /// </summary>
    public static bool Covers(this LockMode mode, LockMode other) => (Conflicts[(int)mode] & Conflicts[(int)other]) == Conflicts[(int)other];

    /// <summary>What the mode blocks, for messages: "reads and writes", "writes", …</summary>
    public static string BlockedTraffic(this LockMode mode) => (mode.BlocksReads(), mode.BlocksWrites(), mode.BlocksRowLocking()) switch
    {
        (true, _, _) => "all reads and writes",
        (false, true, true) => "writes and SELECT … FOR UPDATE/SHARE (plain reads still run)",
        (false, true, false) => "writes (plain reads still run)",
        (false, false, true) => "SELECT … FOR UPDATE/SHARE",
        _ => "other schema changes, VACUUM and ANALYZE only",
    };

    /// <summary>The mode as the manual writes it: <c>ACCESS EXCLUSIVE</c>.</summary>
    public static string Display(this LockMode mode) => mode switch
    {
        LockMode.AccessShare => "ACCESS SHARE",
        LockMode.RowShare => "ROW SHARE",
        LockMode.RowExclusive => "ROW EXCLUSIVE",
        LockMode.ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
        LockMode.Share => "SHARE",
        LockMode.ShareRowExclusive => "SHARE ROW EXCLUSIVE",
        LockMode.Exclusive => "EXCLUSIVE",
        _ => "ACCESS EXCLUSIVE",
    };

    /// <summary>"a SHARE lock" / "an ACCESS EXCLUSIVE lock".</summary>
    public static string WithArticle(this LockMode mode) =>
        mode is LockMode.AccessShare or LockMode.AccessExclusive or LockMode.Exclusive ? $"an {mode.Display()} lock" : $"a {mode.Display()} lock";

    /// <summary>"reads and writes" / "writes" / "schema changes": what waits while the lock is held.</summary>
    public static string Blocks(this LockMode mode) => mode switch
    {
        LockMode.AccessExclusive => "reads and writes",
        >= LockMode.Share => "writes",
        >= LockMode.ShareUpdateExclusive => "other schema changes and VACUUM",
        _ => "nothing ordinary",
    };

    /// <summary>The name <c>pg_locks.mode</c> uses, e.g. <c>AccessExclusiveLock</c>.</summary>
    public static string ToPgName(this LockMode mode) => mode + "Lock";

    /// <summary>Reads a <c>pg_locks.mode</c> value; false for modes that are not table-level (e.g. SIReadLock).</summary>
    public static bool TryParse(string pgName, out LockMode mode)
    {
        mode = default;
        return pgName.EndsWith("Lock", StringComparison.Ordinal)
            && Enum.TryParse(pgName.AsSpan(0, pgName.Length - 4), ignoreCase: false, out mode)
            && Enum.IsDefined(mode);
    }

    private static int Bits(params ReadOnlySpan<LockMode> modes)
    {
        var bits = 0;
        foreach (var mode in modes)
        {
            bits |= 1 << (int)mode;
        }

        return bits;
    }
}
