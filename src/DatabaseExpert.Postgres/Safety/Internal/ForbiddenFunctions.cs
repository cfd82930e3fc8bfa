using System.Collections.Frozen;

namespace DatabaseExpert.Postgres.Safety.Internal;

/// <summary>Why a function is forbidden, and whether its effect escapes even a rolled-back read-only transaction.</summary>
/// <param name="Reason">Why dbx refuses to run it, for messages (<c>name() reason</c>).</param>
/// <param name="EscapesRollback">
/// A read-only transaction that is rolled back neither stops nor undoes it (server files, signals to other sessions,
/// session-level locks, replication state, statistics, remote databases, SQL hidden in a string): what EXPLAIN ANALYZE,
/// which executes the statement, must refuse. False where the read-only transaction or the rollback takes care of it
/// (sequences, settings, large objects, notifications, transaction-level locks).
/// </param>
internal sealed record ForbiddenFunction(string Reason, bool EscapesRollback);

/// <summary>
/// The one list of functions dbx never runs from agent or user SQL, even in a read-only transaction: a read-only
/// transaction does not stop them (file access, large-object import, advisory locks, signals to other sessions all
/// succeed in one), or their effect survives the rollback. Matched on every identifier token after unquoting and
/// Unicode decoding, in any letter case, wherever it appears (select list, FROM, subqueries, schema-qualified).
/// </summary>
internal static class ForbiddenFunctions
{
    private const string OtherSessionsReason = "acts on other sessions or on the server itself";
    private const string AdvisoryLocksReason = "takes or releases advisory locks; session-level ones outlive the transaction and block other sessions";

    private static readonly ForbiddenFunction ServerFiles = new("reads or writes files on the database server", EscapesRollback: true);
    private static readonly ForbiddenFunction LargeObjects = new("writes large objects, which a read-only transaction does not stop", EscapesRollback: false);
    private static readonly ForbiddenFunction SqlInText = new("runs SQL given as a string, which dbx cannot check before it runs", EscapesRollback: true);
    private static readonly ForbiddenFunction Settings = new("changes settings (timeouts, read-only mode) that dbx sets itself", EscapesRollback: false);
    private static readonly ForbiddenFunction Sequences = new("advances or sets a sequence; sequence changes survive a rollback", EscapesRollback: false);
    private static readonly ForbiddenFunction SessionLocks = new(AdvisoryLocksReason, EscapesRollback: true);
    private static readonly ForbiddenFunction TransactionLocks = new(AdvisoryLocksReason, EscapesRollback: false);
    private static readonly ForbiddenFunction OtherSessions = new(OtherSessionsReason, EscapesRollback: true);
    private static readonly ForbiddenFunction Notifications = new(OtherSessionsReason, EscapesRollback: false);
    private static readonly ForbiddenFunction Replication = new("changes replication state, which is not transactional", EscapesRollback: true);
    private static readonly ForbiddenFunction Statistics = new("resets statistics, which is not transactional", EscapesRollback: true);
    private static readonly ForbiddenFunction Remote = new("opens connections to other databases (dblink)", EscapesRollback: true);
    private static readonly ForbiddenFunction Hypothetical =
        new("changes hypothetical indexes, which outlive the transaction on this connection; use dbx advise", EscapesRollback: true);

    private static readonly FrozenDictionary<string, ForbiddenFunction> Exact = new Dictionary<string, ForbiddenFunction>(StringComparer.OrdinalIgnoreCase)
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
        ["pg_notify"] = Notifications,
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
        // Transaction-level advisory locks end with the rollback; the rest of the family (below) is session-level.
        ["pg_advisory_xact_lock"] = TransactionLocks,
        ["pg_advisory_xact_lock_shared"] = TransactionLocks,
        ["pg_try_advisory_xact_lock"] = TransactionLocks,
        ["pg_try_advisory_xact_lock_shared"] = TransactionLocks,
        ["hypopg_create_index"] = Hypothetical,
        ["hypopg_drop_index"] = Hypothetical,
        ["hypopg_reset"] = Hypothetical,
        ["hypopg_reset_index"] = Hypothetical,
        ["hypopg_hide_index"] = Hypothetical,
        ["hypopg_unhide_index"] = Hypothetical,
        ["hypopg_unhide_all_indexes"] = Hypothetical,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Families: every pg_ls_* lists a server directory, every dblink* reaches another database, and so on.
    private static readonly (string Prefix, ForbiddenFunction Family)[] Prefixes =
    [
        ("pg_ls_", ServerFiles),
        ("pg_file_", ServerFiles),
        ("dblink", Remote),
        ("pg_advisory_", SessionLocks),
        ("pg_try_advisory_", SessionLocks),
        ("pg_create_", Replication),
        ("pg_copy_", Replication),
        ("pg_logical_", Replication),
        ("pg_replication_origin_", Replication),
    ];

    /// <summary>The rule for <paramref name="name"/>, or null when the function is not forbidden.</summary>
    public static ForbiddenFunction? Find(string name)
    {
        if (Exact.TryGetValue(name, out var rule))
        {
            return rule;
        }

        foreach (var (prefix, family) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return family;
            }
        }

        return name.StartsWith("pg_stat", StringComparison.OrdinalIgnoreCase) && name.Contains("reset", StringComparison.OrdinalIgnoreCase)
            ? Statistics
            : null;
    }
}
