using System.Collections.Frozen;

namespace DatabaseExpert.Postgres.Safety.Internal;

/// <summary>
/// Functions that must never run through dbx, even in a read-only transaction: a read-only transaction does not stop
/// them (file access, large-object import, advisory locks, signals to other sessions all succeed in one), or their
/// effect survives the rollback. Matched on every identifier token after unquoting and Unicode decoding, in any letter
/// case, wherever it appears (select list, FROM, subqueries, schema-qualified).
/// </summary>
internal static class ForbiddenFunctions
{
    private const string ServerFiles = "reads or writes files on the database server";
    private const string LargeObjects = "writes large objects, which a read-only transaction does not stop";
    private const string SqlInText = "runs SQL given as a string, which dbx cannot check before it runs";
    private const string Settings = "changes settings (timeouts, read-only mode) that dbx sets itself";
    private const string Sequences = "advances or sets a sequence; sequence changes survive a rollback";
    private const string AdvisoryLocks = "takes or releases advisory locks; session-level ones outlive the transaction and block other sessions";
    private const string OtherSessions = "acts on other sessions or on the server itself";
    private const string Replication = "changes replication state, which is not transactional";
    private const string Statistics = "resets statistics, which is not transactional";
    private const string Remote = "opens connections to other databases (dblink)";
    private const string Hypothetical = "changes hypothetical indexes, which outlive the transaction on this connection; use dbx advise";

    private static readonly FrozenDictionary<string, string> Exact = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["pg_read_file"] = ServerFiles,
        ["pg_read_binary_file"] = ServerFiles,
        ["pg_stat_file"] = ServerFiles,
        ["pg_current_logfile"] = ServerFiles,
        ["pg_logdir_ls"] = ServerFiles,
        ["lo_import"] = ServerFiles,
        ["lo_export"] = ServerFiles,
        ["lo_create"] = LargeObjects,
        ["lo_creat"] = LargeObjects,
        ["lo_unlink"] = LargeObjects,
        ["lo_put"] = LargeObjects,
        ["lo_from_bytea"] = LargeObjects,
        ["lo_open"] = LargeObjects,
        ["lowrite"] = LargeObjects,
        ["lo_truncate"] = LargeObjects,
        ["lo_truncate64"] = LargeObjects,
        ["query_to_xml"] = SqlInText,
        ["query_to_xmlschema"] = SqlInText,
        ["query_to_xml_and_xmlschema"] = SqlInText,
        ["cursor_to_xml"] = SqlInText,
        ["cursor_to_xmlschema"] = SqlInText,
        ["ts_stat"] = SqlInText,
        ["ts_rewrite"] = SqlInText,
        ["set_config"] = Settings,
        ["nextval"] = Sequences,
        ["setval"] = Sequences,
        ["pg_notify"] = OtherSessions,
        ["pg_terminate_backend"] = OtherSessions,
        ["pg_cancel_backend"] = OtherSessions,
        ["pg_reload_conf"] = OtherSessions,
        ["pg_rotate_logfile"] = OtherSessions,
        ["pg_promote"] = OtherSessions,
        ["pg_switch_wal"] = OtherSessions,
        ["pg_backup_start"] = OtherSessions,
        ["pg_backup_stop"] = OtherSessions,
        ["pg_start_backup"] = OtherSessions,
        ["pg_stop_backup"] = OtherSessions,
        ["pg_wal_replay_pause"] = OtherSessions,
        ["pg_wal_replay_resume"] = OtherSessions,
        ["pg_log_backend_memory_contexts"] = OtherSessions,
        ["pg_drop_replication_slot"] = Replication,
        ["pg_replication_slot_advance"] = Replication,
        ["hypopg_create_index"] = Hypothetical,
        ["hypopg_drop_index"] = Hypothetical,
        ["hypopg_reset"] = Hypothetical,
        ["hypopg_reset_index"] = Hypothetical,
        ["hypopg_hide_index"] = Hypothetical,
        ["hypopg_unhide_index"] = Hypothetical,
        ["hypopg_unhide_all_indexes"] = Hypothetical,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Families: every pg_ls_* lists a server directory, every dblink* reaches another database, and so on.
    private static readonly (string Prefix, string Reason)[] Prefixes =
    [
        ("pg_ls_", ServerFiles),
        ("pg_file_", ServerFiles),
        ("dblink", Remote),
        ("pg_advisory_", AdvisoryLocks),
        ("pg_try_advisory_", AdvisoryLocks),
        ("pg_create_", Replication),
        ("pg_copy_", Replication),
        ("pg_logical_", Replication),
        ("pg_replication_origin_", Replication),
    ];

    /// <summary>Why <paramref name="name"/> is forbidden, or null when it is not.</summary>
    public static string? Reason(string name)
    {
        if (Exact.TryGetValue(name, out var reason))
        {
            return reason;
        }

        foreach (var (prefix, why) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return why;
            }
        }

        return name.StartsWith("pg_stat", StringComparison.OrdinalIgnoreCase) && name.Contains("reset", StringComparison.OrdinalIgnoreCase)
            ? Statistics
            : null;
    }
}
