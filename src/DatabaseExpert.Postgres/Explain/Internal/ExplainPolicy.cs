using DatabaseExpert.Postgres.Safety;
using DatabaseExpert.Postgres.Safety.Internal;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>What the policy decided about a statement before anything reaches the server.</summary>
/// <param name="ChangeReason">Why the statement counts as data-changing, or null when it only reads.</param>
/// <param name="ParameterCount">The highest <c>$n</c> placeholder.</param>
/// <param name="GenericPlan">Placeholders without values: plan with unknown parameters.</param>
internal sealed record StatementDecision(string? ChangeReason, int ParameterCount, bool GenericPlan)
{
    public bool ChangesData => ChangeReason is not null;
}

/// <summary>
/// EXPLAIN's safety rules, on top of the shared classification of <see cref="SqlClassifier"/> (the command, whether it
/// writes and why, and the one list of forbidden functions). Plain EXPLAIN only plans, so every explainable statement
/// may be planned. ANALYZE executes the statement, so it is refused for data-changing statements unless the caller
/// allows writes, and always refused for functions whose effects escape a rolled-back transaction.
/// </summary>
internal static class ExplainPolicy
{
    private static readonly HashSet<string> ExplainableCommands = new(StringComparer.Ordinal)
    {
        "SELECT", "VALUES", "TABLE", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE",
    };

    public static StatementDecision Decide(string sql, ExplainRequest request)
    {
        var script = SqlScript.Parse(sql);
        if (script.Errors.FirstOrDefault() is { } error)
        {
            throw Invalid($"the SQL is not complete: {error.Message} ({TextPosition.Describe(error.Position)})");
        }

        if (script.Statements.Count == 0 || !script.Tokens.Any(t => t.IsName))
        {
            throw Invalid("there is no statement to explain; pass one SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES, TABLE or WITH statement");
        }

        if (script.Statements.Count > 1)
        {
            throw new ExplainException(
                $"EXPLAIN takes exactly one statement, and this text holds {script.Statements.Count}; explain them one at a time",
                ExplainErrorKind.Refused);
        }

        var statement = script.Statements[0];
        var classification = SqlClassifier.ClassifyCommand(statement);
        if (!ExplainableCommands.Contains(classification.Command))
        {
            throw new ExplainException(RefusalFor(FirstWord(statement)), ExplainErrorKind.Refused);
        }

        var changeReason = ChangeReason(statement, classification);
        var parameters = CheckParameters(statement.ParameterCount, request);
        if (request.Analyze)
        {
            RefuseUnsafeAnalyze(statement, changeReason, parameters, request);
        }

        return new StatementDecision(changeReason, parameters, GenericPlan: parameters > 0 && request.Parameters is null);
    }

    /// <summary>The statement's first word as the user wrote it: upper-cased, or as quoted.</summary>
    private static string FirstWord(SqlStatement statement)
    {
        var first = statement.SignificantTokens.First(t => t.IsName);
        return first.Kind == SqlTokenKind.Identifier ? first.Text.ToUpperInvariant() : first.Value ?? first.Text;
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

    /// <summary>Why a statement changes data: its command, a data-modifying WITH or a row-locking clause; SELECT … INTO is refused.</summary>
    private static string? ChangeReason(SqlStatement statement, SqlClassification classification)
    {
        // Writes found inside a query carry the position of the word that decided it.
        var at = classification.Position ?? statement.Start;
        return classification.WriteKind switch
        {
            WriteKind.Statement => $"{classification.Command} changes rows",
            WriteKind.DataChangingCte =>
                $"it contains a data-modifying {statement.Tokens.First(t => t.Start == at).Text.ToUpperInvariant()} (a writable CTE)",
            WriteKind.LocksRows => "it locks rows (SELECT … FOR UPDATE/SHARE)",
            WriteKind.SelectInto => throw new ExplainException(
                $"SELECT … INTO creates a table (INTO at {TextPosition.Describe(at)}); explain the SELECT without INTO, or use CREATE TABLE … AS in a migration",
                ExplainErrorKind.Refused),
            _ => null,
        };
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

    private static void RefuseUnsafeAnalyze(SqlStatement statement, string? changeReason, int parameters, ExplainRequest request)
    {
        if (SqlClassifier.FindCallEscapingRollback(statement) is { } call)
        {
            throw new ExplainException(
                $"EXPLAIN ANALYZE runs the statement, and it calls {(call.Value ?? call.Text).ToLowerInvariant()}() at {TextPosition.Describe(call.Start)}, "
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
