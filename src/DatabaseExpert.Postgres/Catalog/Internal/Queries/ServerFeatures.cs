namespace DatabaseExpert.Postgres.Catalog.Internal.Queries;

/// <summary>Catalog columns that exist only from some major version on.</summary>
internal sealed record ServerFeatures(int Major)
{
    public const int OldestSupported = 12;

    /// <summary><c>pg_index.indnullsnotdistinct</c> (15).</summary>
    public string NullsNotDistinct(string indexAlias) => Major >= 15 ? $"{indexAlias}.indnullsnotdistinct" : "false";

    /// <summary><c>pg_stat_get_lastscan</c> (16).</summary>
    public string LastScan(string indexOid) => Major >= 16 ? $"pg_stat_get_lastscan({indexOid})" : "null::timestamptz";

    /// <summary><c>pg_trigger.tgparentid</c> (13); before that, cloned partition triggers were marked internal.</summary>
    public string TriggerInherited(string triggerAlias) => Major >= 13 ? $"{triggerAlias}.tgparentid <> 0" : "false";
}
