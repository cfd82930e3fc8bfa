namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>What the policy decided about a statement before anything reaches the server.</summary>
/// <param name="Verb">The statement's first keyword (SELECT, WITH, INSERT, …).</param>
/// <param name="ChangeReason">Why the statement counts as data-changing, or null when it only reads.</param>
/// <param name="ParameterCount">The highest <c>$n</c> placeholder.</param>
/// <param name="GenericPlan">Placeholders without values: plan with unknown parameters.</param>
internal sealed record StatementDecision(string Verb, string? ChangeReason, int ParameterCount, bool GenericPlan)
{
    public bool ChangesData => ChangeReason is not null;
}

/// <summary>
/// EXPLAIN's safety rules. Plain EXPLAIN only plans, so every explainable statement may be planned. ANALYZE executes
/// the statement, so it is refused for data-changing statements unless the caller allows writes, and always refused
/// for functions whose effects escape a rolled-back transaction.
/// </summary>
internal static class ExplainPolicy
{
    private static readonly HashSet<string> ExplainableVerbs = new(StringComparer.Ordinal)
    {
        "SELECT", "VALUES", "TABLE", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE",
    };

    private static readonly HashSet<string> WritingVerbs = new(StringComparer.Ordinal) { "INSERT", "UPDATE", "DELETE", "MERGE" };

    // Effects that survive ROLLBACK or reach outside the database: server files and programs, other sessions,
    // session-level advisory locks, WAL and replication control, remote databases.
    private static readonly HashSet<string> EscapingFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir",
        "pg_ls_archive_statusdir", "pg_stat_file", "lo_import", "lo_export", "pg_file_write", "pg_file_rename",
        "pg_file_unlink", "pg_file_sync", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf",
        "pg_rotate_logfile", "pg_promote", "pg_switch_wal", "pg_create_restore_point", "pg_backup_start",
        "pg_backup_stop", "pg_start_backup", "pg_stop_backup", "pg_advisory_lock", "pg_advisory_lock_shared",
        "pg_try_advisory_lock", "pg_try_advisory_lock_shared", "pg_log_backend_memory_contexts",
        "pg_create_logical_replication_slot", "pg_create_physical_replication_slot", "pg_drop_replication_slot",
        "pg_logical_emit_message", "pg_replication_origin_create", "pg_replication_origin_drop",
        "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query", "dblink_open",
    };

    public static StatementDecision Decide(string sql, SqlStatementFacts facts, ExplainRequest request)
    {
        if (facts.Problem is not null)
        {
            throw Invalid($"the SQL is not complete: {facts.Problem}");
        }

        if (facts.StatementCount == 0 || facts.Words.Count == 0)
        {
            throw Invalid("there is no statement to explain; pass one SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES, TABLE or WITH statement");
        }

        if (facts.StatementCount > 1)
        {
            throw new ExplainException(
                $"EXPLAIN takes exactly one statement, and this text holds {facts.StatementCount}; explain them one at a time",
                ExplainErrorKind.Refused);
        }

        var first = facts.Words[0];
        var verb = first.Text;
        if (first.Quoted || !ExplainableVerbs.Contains(verb))
        {
            throw new ExplainException(RefusalFor(verb), ExplainErrorKind.Refused);
        }

        var changeReason = ChangeReason(sql, facts.Words, verb);
        var parameters = CheckParameters(facts.MaxParameter, request);
        if (request.Analyze)
        {
            RefuseUnsafeAnalyze(sql, facts.Words, changeReason, parameters, request);
        }

        return new StatementDecision(verb, changeReason, facts.MaxParameter, GenericPlan: parameters > 0 && request.Parameters is null);
    }

    private static string RefusalFor(string verb) => verb switch
    {
        "EXPLAIN" => "pass the statement itself, without EXPLAIN: dbx adds EXPLAIN (use --analyze, --buffers, --settings for its options)",
        "EXECUTE" => "EXECUTE of a session's prepared statement cannot be explained here; pass the statement text itself "
            + "(with $1, $2, … placeholders it gets a generic plan)",
        "PREPARE" => "pass the statement without PREPARE; placeholders ($1, $2, …) are planned as a generic plan",
        _ => $"{verb} statements are not explained: only SELECT, VALUES, TABLE, WITH, INSERT, UPDATE, DELETE and MERGE can be "
            + "(EXPLAIN of anything else would either fail or run it)",
    };

    /// <summary>Why a statement changes data: its verb, a data-modifying WITH, a row-locking clause, or SELECT … INTO.</summary>
    private static string? ChangeReason(string sql, IReadOnlyList<SqlWord> words, string verb)
    {
        if (WritingVerbs.Contains(verb))
        {
            return $"{verb} changes rows";
        }

        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Quoted)
            {
                continue;
            }

            if (WritingVerbs.Contains(word.Text) && words[i - 1].Text != "FOR")
            {
                return $"it contains a data-modifying {word.Text} (a writable CTE)";
            }

            if (word.Text == "FOR" && i + 1 < words.Count && words[i + 1].Text is "UPDATE" or "SHARE" or "NO" or "KEY")
            {
                return "it locks rows (SELECT … FOR UPDATE/SHARE)";
            }

            if (word.Text == "INTO" && word.Depth == 0)
            {
                throw new ExplainException(
                    $"SELECT … INTO creates a table (INTO at {TextPosition.Describe(sql, word.Offset)}); explain the SELECT without INTO, or use CREATE TABLE … AS in a migration",
                    ExplainErrorKind.Refused);
            }
        }

        return null;
    }

    private static int CheckParameters(int maxParameter, ExplainRequest request)
    {
        var given = request.Parameters?.Count ?? 0;
        if (maxParameter == 0 && given > 0)
        {
            throw Invalid($"{given} parameter value(s) were given but the SQL has no $1 placeholder; drop the values or add placeholders");
        }

        if (request.Parameters is not null && given != maxParameter)
        {
            throw Invalid($"the SQL uses placeholders up to ${maxParameter} but {given} value(s) were given; pass exactly {maxParameter}, "
                + "or none for a generic plan");
        }

        return maxParameter;
    }

    private static void RefuseUnsafeAnalyze(string sql, IReadOnlyList<SqlWord> words, string? changeReason, int parameters, ExplainRequest request)
    {
        var call = words.FirstOrDefault(w => w.FollowedByParenthesis && EscapingFunctions.Contains(w.Text));
        if (call.Text is not null)
        {
            throw new ExplainException(
                $"EXPLAIN ANALYZE runs the statement, and it calls {call.Text.ToLowerInvariant()}() at {TextPosition.Describe(sql, call.Offset)}, "
                + "whose effect is not undone by rolling back; use plain EXPLAIN (without --analyze), which only plans it",
                ExplainErrorKind.Refused);
        }

        if (changeReason is not null && !request.AllowWrites)
        {
            throw new ExplainException(
                $"EXPLAIN ANALYZE executes the statement and {changeReason}; this target is read-only. Use plain EXPLAIN "
                + "(without --analyze) for the plan, or run it against a writable target (read-write mode or --db shadow), "
                + "where it runs inside a transaction that is always rolled back",
                ExplainErrorKind.Refused);
        }

        if (parameters > 0 && request.Parameters is null)
        {
            throw new ExplainException(
                $"EXPLAIN ANALYZE needs values for the placeholders $1…${parameters}: pass them (--param), or drop --analyze for a generic plan",
                ExplainErrorKind.Refused);
        }
    }

    private static ExplainException Invalid(string message) => new(message, ExplainErrorKind.InvalidRequest);
}
