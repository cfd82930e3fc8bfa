namespace DatabaseExpert.Migrations.Analysis;

/// <summary>PostgreSQL's table lock modes, weakest first (the order of the manual's conflict table).</summary>
public enum LockMode
{
    None,
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

public static class LockModes
{
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
        LockMode.AccessExclusive => "ACCESS EXCLUSIVE",
        _ => "no",
    };

    /// <summary>"a SHARE lock" / "an ACCESS EXCLUSIVE lock".</summary>
    public static string WithArticle(this LockMode mode) =>
        mode is LockMode.AccessShare or LockMode.AccessExclusive or LockMode.Exclusive ? $"an {mode.Display()} lock" : $"a {mode.Display()} lock";

    /// <summary>A lock that makes ordinary writes wait (SHARE and stronger); ACCESS EXCLUSIVE also makes reads wait.</summary>
    public static bool BlocksWrites(this LockMode mode) => mode >= LockMode.Share;

    public static bool BlocksReads(this LockMode mode) => mode == LockMode.AccessExclusive;

    /// <summary>"reads and writes" / "writes" / "schema changes": what waits while the lock is held.</summary>
    public static string Blocks(this LockMode mode) => mode switch
    {
        LockMode.AccessExclusive => "reads and writes",
        >= LockMode.Share => "writes",
        >= LockMode.ShareUpdateExclusive => "other schema changes and VACUUM",
        _ => "nothing ordinary",
    };
}
