namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>
/// Reads the lexical facts EXPLAIN's safety policy needs from SQL text. A deliberately small seam: the shared lexer in
/// <see cref="LexerStatementReader"/> implements it over the shared lexer in <c>Sql/</c>.
/// </summary>
internal interface ISqlStatementReader
{
    SqlStatementFacts Read(string sql);
}

/// <summary>What the reader found: how many statements, their words outside strings and comments, the highest <c>$n</c>.</summary>
/// <param name="StatementCount">Non-empty statements separated by top-level semicolons.</param>
/// <param name="Words">Keywords and identifiers of the whole text, in order, outside strings, quoted bodies and comments.</param>
/// <param name="MaxParameter">The highest <c>$n</c> placeholder, 0 when there is none.</param>
/// <param name="Problem">An unterminated string, quoted identifier, dollar quote or comment, with its position; null when the text is well formed.</param>
internal sealed record SqlStatementFacts(int StatementCount, IReadOnlyList<SqlWord> Words, int MaxParameter, string? Problem);

/// <param name="Text">Upper-cased for plain words; as written for quoted identifiers.</param>
/// <param name="Quoted">A double-quoted identifier: never a keyword.</param>
/// <param name="Depth">Parenthesis depth; 0 is the statement's top level.</param>
/// <param name="FollowedByParenthesis">The next token is <c>(</c>: a function call (or a type modifier).</param>
/// <param name="Offset">Character offset in the text.</param>
internal readonly record struct SqlWord(string Text, bool Quoted, int Depth, bool FollowedByParenthesis, int Offset);
