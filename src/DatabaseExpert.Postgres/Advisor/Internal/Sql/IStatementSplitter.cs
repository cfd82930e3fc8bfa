namespace DatabaseExpert.Postgres.Advisor.Internal.Sql;

/// <summary>One statement of a script, without its terminating <c>;</c> and without leading comments.</summary>
/// <param name="Text">The statement as written.</param>
/// <param name="Line">1-based line where the statement starts.</param>
/// <param name="FirstWord">The first keyword, lower-cased (<c>select</c>, <c>with</c>, …); for a psql meta-command the backslash command.</param>
/// <param name="ParameterCount">The highest <c>$n</c> outside strings and comments (0 when there is none).</param>
internal sealed record StatementSlice(string Text, int Line, string FirstWord, int ParameterCount);

/// <summary>
/// Splits SQL text into statements. The advisor needs only this from a lexer; the full lexer of
/// <c>DatabaseExpert.Postgres.Sql</c> can implement it once it exists (until then <see cref="MinimalStatementSplitter"/>).
/// </summary>
internal interface IStatementSplitter
{
    /// <exception cref="SqlLexException">The text has an unterminated string, identifier or comment.</exception>
    IReadOnlyList<StatementSlice> Split(string sql);
}
