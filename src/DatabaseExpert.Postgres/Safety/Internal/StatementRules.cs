using System.Collections.Frozen;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Safety.Internal;

/// <summary>
/// Classifies one statement from its significant tokens. Read statements are the ones a read-only transaction can run
/// without lasting effect; writes need the configured read-write mode; everything else is refused with its reason.
/// </summary>
internal static class StatementRules
{
    private const string TransactionControl =
        "transaction control: dbx runs each statement in its own transaction and ends it itself; a COMMIT or ROLLBACK here would end that guard";

    private const string PreparedStatements = "prepared statements outlive the transaction on a pooled connection; write the statement itself";

    private const string Notifications = "LISTEN/NOTIFY/UNLISTEN act on the connection's notification channels, which dbx does not use";

    private const string Cursors = "cursors need several statements; dbx runs one statement per call and caps the rows itself";

    private const string NotInTransaction =
        "cannot run inside a transaction block, and dbx runs every statement in one; run it yourself (psql) during a maintenance window";

    private static readonly FrozenDictionary<string, string> Refusals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["BEGIN"] = TransactionControl,
        ["START"] = TransactionControl,
        ["COMMIT"] = TransactionControl,
        ["END"] = TransactionControl,
        ["ROLLBACK"] = TransactionControl,
        ["ABORT"] = TransactionControl,
        ["SAVEPOINT"] = TransactionControl,
        ["RELEASE"] = TransactionControl,
        ["EXECUTE"] = PreparedStatements,
        ["DEALLOCATE"] = PreparedStatements,
        ["RESET"] = "RESET changes session settings; dbx sets timeouts and the read-only mode itself",
        ["DISCARD"] = "DISCARD resets session state that dbx relies on",
        ["LOAD"] = "LOAD loads a shared library into the server process",
        ["DO"] = "DO runs an anonymous procedural block that dbx cannot inspect; write its statements as plain SQL",
        ["CALL"] = "CALL runs a procedure, which may control transactions and do anything its body does; run it yourself",
        ["LISTEN"] = Notifications,
        ["NOTIFY"] = Notifications,
        ["UNLISTEN"] = Notifications,
        ["VACUUM"] = "VACUUM " + NotInTransaction,
        ["CHECKPOINT"] = "CHECKPOINT forces a server-wide checkpoint; it is for administrators, not queries",
        ["LOCK"] = "LOCK TABLE takes table locks that block other sessions (a read-only transaction allows it)",
        ["DECLARE"] = Cursors,
        ["FETCH"] = Cursors,
        ["MOVE"] = Cursors,
        ["CLOSE"] = Cursors,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Writes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "REFRESH",
        "ANALYZE", "ANALYSE", "CLUSTER", "REINDEX", "SECURITY", "IMPORT", "REASSIGN");

    private static readonly FrozenSet<string> QueryStarts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "SELECT", "WITH", "VALUES", "TABLE");

    private static readonly FrozenSet<string> DataChanging = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "INSERT", "UPDATE", "DELETE", "MERGE");

    public static SqlClassification Classify(SqlToken[] tokens, int start)
    {
        var first = tokens[start];
        if (first.IsPunctuation('('))
        {
            return Query(tokens, start, "SELECT");
        }

        if (first.Kind != SqlTokenKind.Identifier)
        {
            return Refused("?", $"'{first.Text}' does not start a statement dbx recognises", first);
        }

        var word = first.Text.ToUpperInvariant();
        if (QueryStarts.Contains(word))
        {
            return Query(tokens, start, word);
        }

        switch (word)
        {
            case "SHOW":
                return new SqlClassification(SqlAccess.Read, word, null, first.Start);
            case "EXPLAIN":
                return Explain(tokens, start);
            case "SET":
                return Set(tokens, start);
            case "PREPARE":
                return Refused(word, Next(tokens, start)?.IsKeyword("TRANSACTION") == true
                    ? TransactionControl
                    : PreparedStatements, first);
            case "COPY":
                return Copy(tokens, start);
        }

        if (Refusals.TryGetValue(word, out var reason))
        {
            return Refused(word, reason, first);
        }

        return Writes.Contains(word) ? Write(tokens, start, word) : Refused(word, $"{word} is not a statement dbx recognises", first);
    }

    /// <summary>SELECT / WITH / VALUES / TABLE: a read unless something inside writes or locks rows.</summary>
    private static SqlClassification Query(SqlToken[] tokens, int start, string command)
    {
        for (var i = start; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind != SqlTokenKind.Identifier)
            {
                continue;
            }

            var before = i > start ? tokens[i - 1] : default;
            if ((token.IsKeyword("UPDATE") || token.IsKeyword("SHARE")) && (before.IsKeyword("FOR") || before.IsKeyword("KEY")))
            {
                return new SqlClassification(SqlAccess.Write, command, "FOR UPDATE/SHARE locks rows", token.Start) { IsQuery = true, WriteKind = WriteKind.LocksRows };
            }

            if (DataChanging.Contains(token.Text))
            {
                return new SqlClassification(
                    SqlAccess.Write, command, $"contains {token.Text.ToUpperInvariant()}: a data-changing statement inside the query (writable CTE)", token.Start)
                {
                    IsQuery = true,
                    WriteKind = WriteKind.DataChangingCte,
                };
            }

            if (token.IsKeyword("INTO"))
            {
                return new SqlClassification(SqlAccess.Write, command, "SELECT … INTO creates a table", token.Start) { IsQuery = true, WriteKind = WriteKind.SelectInto };
            }
        }

        return new SqlClassification(SqlAccess.Read, command, null, tokens[start].Start) { IsQuery = true };
    }

    /// <summary>
    /// EXPLAIN only plans, unless ANALYZE makes it run the statement: then it is as safe as the statement it explains.
    /// Both spellings count: <c>EXPLAIN ANALYZE VERBOSE …</c> and <c>EXPLAIN (ANALYZE, BUFFERS) …</c>.
    /// </summary>
    private static SqlClassification Explain(SqlToken[] tokens, int start)
    {
        var i = start + 1;
        var analyze = false;
        if (i < tokens.Length && tokens[i].IsPunctuation('('))
        {
            for (i++; i < tokens.Length && !tokens[i].IsPunctuation(')'); i++)
            {
                if (tokens[i].IsKeyword("ANALYZE") || tokens[i].IsKeyword("ANALYSE"))
                {
                    analyze = i + 1 >= tokens.Length || !IsFalse(tokens[i + 1]);
                }
            }

            i++;
        }
        else
        {
            while (i < tokens.Length && (tokens[i].IsKeyword("ANALYZE") || tokens[i].IsKeyword("ANALYSE") || tokens[i].IsKeyword("VERBOSE")))
            {
                analyze |= !tokens[i].IsKeyword("VERBOSE");
                i++;
            }
        }

        if (i >= tokens.Length)
        {
            return Refused("EXPLAIN", "EXPLAIN needs a statement to explain", tokens[start]);
        }

        var inner = Classify(tokens, i);
        var command = analyze ? "EXPLAIN ANALYZE" : "EXPLAIN";
        return inner.Access switch
        {
            SqlAccess.Refused => inner with { Command = command },
            SqlAccess.Write when analyze => new SqlClassification(
                SqlAccess.Write, command, $"EXPLAIN ANALYZE executes the {inner.Command}, and it changes data ({inner.Reason ?? inner.Command})", inner.Position)
            {
                WriteKind = WriteKind.Statement,
            },
            _ => new SqlClassification(SqlAccess.Read, command, null, tokens[start].Start),
        };
    }

    private static bool IsFalse(SqlToken token) =>
        token.IsKeyword("FALSE") || token.IsKeyword("OFF") || (token.Kind == SqlTokenKind.Number && token.Span is "0");

    private static SqlClassification Set(SqlToken[] tokens, int start)
    {
        var next = Next(tokens, start);
        var afterNext = Next(tokens, start + 1);
        var reason = next switch
        {
            _ when next?.IsKeyword("ROLE") == true || (next?.IsKeyword("SESSION") == true && afterNext?.IsKeyword("AUTHORIZATION") == true)
                => "changes the role statements run as; dbx runs as the role it connected with",
            _ when next?.IsKeyword("TRANSACTION") == true || (next?.IsKeyword("SESSION") == true && afterNext?.IsKeyword("CHARACTERISTICS") == true)
                => "changes the transaction mode; dbx decides read-only or read-write itself",
            _ => "SET changes settings; dbx sets the timeouts and the read-only mode itself, and each statement runs alone in a "
                + "transaction that is rolled back, so a SET could only weaken those guards (use the timeout and row options instead)",
        };
        return Refused("SET", reason, tokens[start]);
    }

    private static SqlClassification Copy(SqlToken[] tokens, int start)
    {
        for (var i = start + 1; i < tokens.Length; i++)
        {
            if (tokens[i].IsKeyword("PROGRAM"))
            {
                return Refused("COPY", "COPY … PROGRAM runs a program on the database server", tokens[i]);
            }

            if ((tokens[i].IsKeyword("TO") || tokens[i].IsKeyword("FROM")) && i + 1 < tokens.Length && tokens[i + 1].IsStringLiteral)
            {
                return Refused("COPY", "COPY … TO/FROM a file reads or writes files on the database server", tokens[i]);
            }
        }

        return Refused("COPY", "COPY streams data outside the query protocol dbx uses; read with SELECT", tokens[start]);
    }

    /// <summary>DDL and DML. A few forms cannot run in a transaction block or act on the whole server: those are refused.</summary>
    private static SqlClassification Write(SqlToken[] tokens, int start, string word)
    {
        var first = tokens[start];
        var second = Next(tokens, start);
        if (word == "ALTER" && second?.IsKeyword("SYSTEM") == true)
        {
            return Refused("ALTER SYSTEM", "ALTER SYSTEM rewrites the server's configuration file", first);
        }

        if (second is { } target && (target.IsKeyword("DATABASE") || target.IsKeyword("TABLESPACE")) && word is "CREATE" or "DROP")
        {
            return Refused($"{word} {target.Text.ToUpperInvariant()}", $"{word} {target.Text.ToUpperInvariant()} {NotInTransaction}", first);
        }

        // CREATE/DROP INDEX CONCURRENTLY and REINDEX … CONCURRENTLY: the CONCURRENTLY keyword comes early in each form.
        for (var i = start + 1; i < Math.Min(tokens.Length, start + 6); i++)
        {
            if (tokens[i].IsKeyword("CONCURRENTLY") && word is "CREATE" or "DROP" or "REINDEX")
            {
                return Refused($"{word} … CONCURRENTLY", $"{word} … CONCURRENTLY {NotInTransaction}", tokens[i]);
            }
        }

        var command = second is { Kind: SqlTokenKind.Identifier } && word is "CREATE" or "ALTER" or "DROP"
            ? $"{word} {second.Value.Text.ToUpperInvariant()}"
            : word;
        return new SqlClassification(SqlAccess.Write, command, $"{command} changes the database", first.Start) { WriteKind = WriteKind.Statement };
    }

    private static SqlToken? Next(SqlToken[] tokens, int index) => index + 1 < tokens.Length ? tokens[index + 1] : null;

    private static SqlClassification Refused(string command, string reason, SqlToken at) =>
        new(SqlAccess.Refused, command, reason, at.Start);
}
