using DatabaseExpert.Postgres.Safety.Internal;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Safety;

/// <summary>
/// Decides, from the text alone, whether SQL may run through <see cref="SafeExecutor"/>: exactly one statement, no
/// psql meta-commands, no parameters, no function that reaches outside the transaction (files, programs, other
/// sessions, sequences…), and a statement kind that is a read, a write, or refused. The read-only transaction the
/// executor opens is the second line of defence, not the first.
/// </summary>
public static class SqlClassifier
{
    public static SqlClassification Classify(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var script = SqlScript.Parse(sql);
        if (script.Errors.FirstOrDefault() is { } error)
        {
            return new SqlClassification(SqlAccess.Refused, "?", $"the SQL is malformed: {error.Message}", error.Position);
        }

        if (script.MetaCommands.Count > 0)
        {
            var meta = script.MetaCommands[0];
            return new SqlClassification(
                SqlAccess.Refused, "?", $"'{meta.Text.Trim()}' is a psql meta-command, not SQL; dbx sends SQL only", meta.Start);
        }

        if (script.Statements.Count == 0)
        {
            return new SqlClassification(SqlAccess.Refused, "?", "there is no SQL statement: the text is empty or only comments", null);
        }

        if (script.Statements.Count > 1)
        {
            var second = script.Statements[1];
            return new SqlClassification(
                SqlAccess.Refused,
                script.Statements[0].Keywords,
                $"{script.Statements.Count} statements found (the second, {second.Keywords}, starts at {second.Start}); "
                + "dbx runs exactly one statement per call: send them one at a time",
                second.Start);
        }

        var statement = script.Statements[0];
        foreach (var token in statement.SignificantTokens)
        {
            if (token.Kind == SqlTokenKind.Parameter)
            {
                return new SqlClassification(
                    SqlAccess.Refused, statement.Keywords, $"{token.Text} is a parameter, and dbx runs SQL without parameter values: write the values into the SQL", token.Start);
            }

            if (token.IsName && (token.Value ?? token.Text) is var name && ForbiddenFunctions.Find(name) is { } forbidden)
            {
                return new SqlClassification(SqlAccess.Refused, statement.Keywords, $"{name}() {forbidden.Reason}", token.Start);
            }
        }

        return ClassifyCommand(statement);
    }

    /// <summary>
    /// The statement's command and access from its words alone, without the refusals of parameters and forbidden
    /// functions above: for callers with their own rules for those (EXPLAIN plans statements with parameters, and
    /// runs them only under ANALYZE).
    /// </summary>
    internal static SqlClassification ClassifyCommand(SqlStatement statement) =>
        StatementRules.Classify([.. statement.SignificantTokens], 0) with { Statement = statement };

    /// <summary>
    /// The first call (a name followed by <c>(</c>) of a forbidden function whose effect escapes even a rolled-back
    /// read-only transaction, or null: what a statement that is executed and rolled back (EXPLAIN ANALYZE) must not call.
    /// </summary>
    internal static SqlToken? FindCallEscapingRollback(SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        SqlToken[] tokens = [.. statement.SignificantTokens];
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i].IsName && tokens[i + 1].IsPunctuation('(')
                && ForbiddenFunctions.Find(tokens[i].Value ?? tokens[i].Text) is { EscapesRollback: true })
            {
                return tokens[i];
            }
        }

        return null;
    }
}
