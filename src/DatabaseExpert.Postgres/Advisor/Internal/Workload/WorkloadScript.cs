using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Advisor.Internal.Workload;

/// <summary>One statement of a workload script, without its terminating <c>;</c> and without leading comments.</summary>
/// <param name="Text">The statement as written.</param>
/// <param name="Line">1-based line where the statement starts.</param>
/// <param name="FirstWord">The first keyword, lower-cased (<c>select</c>, <c>with</c>, …); for a psql meta-command the backslash command.</param>
/// <param name="ParameterCount">The highest <c>$n</c> outside strings and comments (0 when there is none).</param>
internal sealed record StatementSlice(string Text, int Line, string FirstWord, int ParameterCount);

/// <summary>
/// A workload script cut into statements by the shared lexer (<see cref="SqlScript"/>), with each psql meta-command
/// (<c>\timing</c>, <c>\set</c>) as a statement of its own so that it can be reported and skipped; or, when the text
/// cannot be cut (an unterminated string, identifier, comment or dollar quote), the first such error.
/// </summary>
internal sealed record WorkloadScript(IReadOnlyList<StatementSlice> Statements, SqlDiagnostic? Error)
{
    public static WorkloadScript Parse(string sql, string? file = null)
    {
        var script = SqlScript.Parse(sql, file);
        if (script.Errors.FirstOrDefault() is { } error)
        {
            return new WorkloadScript([], error);
        }

        var statements = script.Statements
            .Select(s => (s.Start.Offset, Slice: new StatementSlice(s.Text, s.Start.Line, FirstWord(s), s.ParameterCount)))
            .Concat(script.MetaCommands.Select(m => (m.Start.Offset, Slice: MetaCommand(m))))
            .OrderBy(s => s.Offset)
            .Select(s => s.Slice)
            .ToList();
        return new WorkloadScript(statements, null);
    }

    /// <summary>The first word, looking into the parentheses of <c>(SELECT …) UNION …</c>; empty when it is not a plain word.</summary>
    private static string FirstWord(SqlStatement statement)
    {
        var first = statement.SignificantTokens.FirstOrDefault(t => !t.IsPunctuation('('));
        return first.Kind == SqlTokenKind.Identifier ? first.Value ?? string.Empty : string.Empty;
    }

    private static StatementSlice MetaCommand(SqlToken token)
    {
        var command = token.Text.TrimEnd();
        return new StatementSlice(command, token.Start.Line, command.Split([' ', '\t'], 2)[0], 0);
    }
}
